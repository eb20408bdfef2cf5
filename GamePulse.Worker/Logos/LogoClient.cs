using System.Net;
using System.Net.Http.Headers;
using GamePulse.Data.Teams.Logos;
using GamePulse.Worker.Ingestion.Http;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GamePulse.Worker.Logos;

/// <summary>What one logo request came to.</summary>
public abstract record LogoFetch
{
    /// <summary>A new image that passed the checks of <see cref="LogoImages"/>.</summary>
    public sealed record Image(byte[] Content, string ContentType, string? Etag, DateTimeOffset? LastModified) : LogoFetch;

    /// <summary>304: the stored copy stands.</summary>
    public sealed record Unchanged : LogoFetch;

    /// <summary>Anything else, in words for team_logo_failures and the log.</summary>
    public sealed record Failed(string Reason) : LogoFetch;
}

/// <summary>
/// The HTTP side of logo fetching: a conditional GET with a per-attempt timeout, jittered retries on network errors,
/// timeouts, 408, 429 and 5xx only, a client-side rate limit, and a body read no further than
/// <see cref="LogoImages.MaxBytes"/>. The answer is checked before anything is stored: an allowed image type whose bytes
/// agree with it.
/// </summary>
public sealed class LogoClient : IDisposable
{
    private readonly HttpClient http;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly RequestRateLimiter limiter;

    public LogoClient(IOptions<LogoOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        limiter = new RequestRateLimiter(settings.RequestsPerSecond, clock);
        http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("GamePulse/1.0 (+college basketball scoreboard)");
        http.DefaultRequestHeaders.Accept.ParseAdd("image/png, image/webp, image/jpeg, image/gif;q=0.8");
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => FeedClient.IsTransient(r.StatusCode));
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.RetryBaseDelayMilliseconds),
                // A retried answer is thrown away: its connection must go back to the pool.
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        pipeline = builder.AddTimeout(TimeSpan.FromSeconds(settings.RequestTimeoutSeconds)).Build();
    }

    public async Task<LogoFetch> FetchAsync(DueLogo due, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(due.SourceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return new LogoFetch.Failed("not an http(s) URL");
        }

        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token =>
                {
                    await limiter.WaitAsync(token);
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (due.UpstreamEtag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                    {
                        request.Headers.IfNoneMatch.Add(tag);
                    }

                    request.Headers.IfModifiedSince = due.UpstreamLastModified;
                    // Headers first: the body is read below, within the size cap.
                    return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                },
                cancellationToken);
            return await ReadAsync(response, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            return new LogoFetch.Failed("timed out");
        }
        catch (HttpRequestException ex)
        {
            return new LogoFetch.Failed($"unreachable: {ex.Message}");
        }
    }

    private static async Task<LogoFetch> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new LogoFetch.Unchanged();
        }

        if (!response.IsSuccessStatusCode)
        {
            return new LogoFetch.Failed($"HTTP {(int)response.StatusCode}");
        }

        var type = LogoImages.MediaType(response.Content.Headers.ContentType?.ToString());
        if (!LogoImages.IsAllowedType(type))
        {
            return new LogoFetch.Failed($"not an allowed image type: '{type}'");
        }

        if (response.Content.Headers.ContentLength > LogoImages.MaxBytes)
        {
            return new LogoFetch.Failed($"too large: {response.Content.Headers.ContentLength} bytes");
        }

        var content = await ReadCappedAsync(response.Content, cancellationToken);
        if (content is null)
        {
            return new LogoFetch.Failed($"too large: over {LogoImages.MaxBytes} bytes");
        }

        if (!LogoImages.MatchesType(content, type))
        {
            return new LogoFetch.Failed($"the bytes are not {type}");
        }

        return new LogoFetch.Image(content, type, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
    }

    /// <summary>The body, or null once it passes the cap (a server may leave out or understate Content-Length).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > LogoImages.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public void Dispose()
    {
        http.Dispose();
        limiter.Dispose();
    }
}
