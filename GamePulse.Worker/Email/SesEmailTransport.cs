using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using GamePulse.Data.Accounts;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Email;

/// <summary>
/// SES v2 SendEmail (POST /v2/email/outbound-emails) over an HttpClient whose handler signs every request with
/// SigV4 (see <see cref="SesHttpClient"/>). The only transport, so no interface: tests send through it to a local SES
/// server (and <c>FaultySes</c> in front of it for faults) rather than through a fake.
/// </summary>
public sealed partial class SesEmailTransport(IOptions<SesOptions> options) : IDisposable
{
    // Created at the first send, so a missing credential shows up as a retried send with a clear error rather than
    // a Worker that cannot start its other features.
    private readonly Lazy<HttpClient> client = new(() => SesHttpClient.Create(options.Value));
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Returns the provider's message id; throws <see cref="EmailSendException"/> when the provider refuses.</summary>
    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var ses = options.Value;
        var body = new
        {
            FromEmailAddress = ses.FromAddress,
            Destination = new { ToAddresses = new[] { message.ToAddress } },
            ConfigurationSetName = string.IsNullOrWhiteSpace(ses.ConfigurationSet) ? null : ses.ConfigurationSet,
            Content = new
            {
                Simple = new
                {
                    Subject = new { Data = message.Subject, Charset = "UTF-8" },
                    Body = new
                    {
                        Text = new { Data = message.TextBody, Charset = "UTF-8" },
                        Html = new { Data = message.HtmlBody, Charset = "UTF-8" },
                    },
                },
            },
        };

        HttpResponseMessage response;
        try
        {
            var http = client.Value;
            response = await http.PostAsJsonAsync(new Uri(ses.Endpoint, "v2/email/outbound-emails"), body, Json, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new EmailSendException($"SES unreachable: {exception.Message}", transient: true, exception);
        }
        catch (Amazon.Runtime.AmazonClientException exception)
        {
            throw new EmailSendException($"No AWS credentials for SES: {exception.Message}", transient: true, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailSendException("SES timed out", transient: true, exception);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
                return document.RootElement.TryGetProperty("MessageId", out var id) ? id.GetString() : null;
            }

            var status = (int)response.StatusCode;
            var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500;
            // SES names unverified addresses in its errors; the error goes to logs and the outbox row, so mask them.
            var detail = EmailAddress().Replace(text.Length > 500 ? text[..500] : text, "***@***");
            throw new EmailSendException($"SES answered {status} {response.ReasonPhrase}: {detail}", transient);
        }
    }

    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s""'<>:,;@]+@[^\s""'<>:,;]+")]
    private static partial System.Text.RegularExpressions.Regex EmailAddress();
}
