// Email benchmark: time from the sign-in POST (/account/login) to the message being stored by the SES endpoint.
// The Web (real Kestrel) and the Worker (its dispatcher, LISTEN/NOTIFY) run in this process against a real
// PostgreSQL and the local SES server; see run.sh, which starts both. Prints p50/p95/max over N requests.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using GamePulse.Data.Migrations;
using GamePulse.Web.Site;
using GamePulse.Worker.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: GamePulse.Bench.Email <connection string> <ses endpoint> <web content root> [requests=100]");
    return 64;
}

var (connectionString, sesEndpoint, contentRoot) = (args[0], args[1].TrimEnd('/'), args[2]);
var requests = args.Length > 3 ? int.Parse(args[3]) : 100;

await using (var dataSource = NpgsqlDataSource.Create(connectionString))
{
    await DatabaseMigrator.MigrateAsync(dataSource);
}

var port = FreePort();
var baseUrl = $"http://127.0.0.1:{port}";
// Development: the bench speaks plain HTTP, and outside Development the cookies (rightly) require HTTPS.
var web = WebHost.Build(["--environment", "Development", "--applicationName", "GamePulse.Web", "--contentRoot", contentRoot, "--urls", baseUrl,
    $"--ConnectionStrings:GamePulse={connectionString}", $"--Site:PublicBaseUrl={baseUrl}", "--Logging:MinimumLevel=Warning"]);
await web.StartAsync();
using var worker = WorkerHost.CreateBuilder([$"--ConnectionStrings:GamePulse={connectionString}", $"--Ses:EndpointUrl={sesEndpoint}",
    "--Ses:Region=us-east-1", "--Ses:FromAddress=GamePulse <no-reply@gamepulse.test>", "--Logging:MinimumLevel=Warning",
    $"--Worker:HeartbeatFile={Path.Combine(Path.GetTempPath(), "gamepulse-bench.heartbeat")}"]).Build();
await worker.StartAsync();

using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
using var ses = new HttpClient();
await using var cleanup = NpgsqlDataSource.Create(connectionString);
var runId = Guid.NewGuid().ToString("N")[..8];
var timings = new List<double>();
for (var i = -5; i < requests; i++) // 5 warm-up requests are not counted
{
    // The bench sends 100 requests from one address; the per-IP limit (20/hour) would stop it, so it is reset.
    await using (var command = cleanup.CreateCommand("DELETE FROM rate_limit_events"))
    {
        await command.ExecuteNonQueryAsync();
    }

    var page = await client.GetStringAsync("/account/login");
    var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var to = $"bench-{runId}-{i + 5}@example.com";
    var started = Stopwatch.GetTimestamp();
    using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = to, ["__RequestVerificationToken"] = token }));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        Console.Error.WriteLine($"login POST answered {(int)response.StatusCode}");
        return 1;
    }

    while (true)
    {
        using var store = JsonDocument.Parse(await ses.GetStringAsync($"{sesEndpoint}/store?since={DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60}"));
        if (store.RootElement.GetProperty("emails").EnumerateArray().Any(e => e.GetProperty("destination").GetProperty("to").EnumerateArray().Any(t => t.GetString() == to)))
        {
            break;
        }

        if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
        {
            Console.Error.WriteLine($"no email for {to} after 30 s");
            return 1;
        }

        await Task.Delay(2);
    }

    if (i >= 0)
    {
        timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // The local SES server keeps every message in memory and /store returns them all; clearing keeps polling cheap.
    await ses.PostAsync($"{sesEndpoint}/clear-store", null);
}

timings.Sort();
double Percentile(double p) => timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(p * timings.Count) - 1)];
Console.WriteLine($"email: login POST -> message at SES endpoint, {timings.Count} requests: p50 {Percentile(0.50):F0} ms, p95 {Percentile(0.95):F0} ms, max {timings[^1]:F0} ms");

await worker.StopAsync();
await web.StopAsync();
await web.DisposeAsync();
return 0;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
