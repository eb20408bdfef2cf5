using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace GamePulse.Tests.Support;

/// <summary>
/// The real local SES server (aws-ses-v2-local from node_modules) on a free loopback port, and its store API
/// (GET /store, POST /clear-store) to read what the Worker sent.
/// </summary>
public sealed class LocalSes : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient http;

    private LocalSes(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
        http = new HttpClient { BaseAddress = endpoint };
    }

    public Uri Endpoint { get; }

    public static async Task<LocalSes> StartAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "aws-ses-v2-local"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add("--host");
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start aws-ses-v2-local (run build/deps.sh)");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var ses = new LocalSes(process, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var response = await ses.http.GetAsync("health-check");
                if (response.IsSuccessStatusCode)
                {
                    return ses;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }

            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                await ses.DisposeAsync();
                throw new InvalidOperationException("aws-ses-v2-local did not start");
            }

            await Task.Delay(100);
        }
    }

    public async Task<IReadOnlyList<SesEmail>> EmailsAsync()
    {
        var store = await http.GetFromJsonAsync<SesStore>("store");
        return store?.Emails ?? [];
    }

    public async Task<IReadOnlyList<SesEmail>> EmailsToAsync(string address) =>
        [.. (await EmailsAsync()).Where(e => e.Destination.To.Any(t => string.Equals(t, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until <paramref name="count"/> messages to the address have arrived (they are sent asynchronously).</summary>
    public async Task<IReadOnlyList<SesEmail>> WaitForEmailsToAsync(string address, int count = 1, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var emails = await EmailsToAsync(address);
            if (emails.Count >= count || DateTime.UtcNow > deadline)
            {
                return emails;
            }

            await Task.Delay(50);
        }
    }

    public async Task ClearAsync() => (await http.PostAsync("clear-store", null)).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record SesStore([property: JsonPropertyName("emails")] List<SesEmail> Emails);
}

public sealed record SesEmail(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("destination")] SesDestination Destination,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("body")] SesBody Body);

public sealed record SesDestination([property: JsonPropertyName("to")] List<string> To);

public sealed record SesBody([property: JsonPropertyName("text")] string? Text, [property: JsonPropertyName("html")] string? Html);
