using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using GamePulse.Data;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Data.Migrations;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Espn;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// A tournament-day poll through the Worker's real path (EspnScoreSource over HTTP on loopback, ScoreboardIngester into
// PostgreSQL), groups=50 alone against groups=50 + groups=100. groups=50 answers with the recorded 2026-03-03 full
// slate (53 games, 1.9 MB); groups=100 with 16 first-round games built from that slate's real events (season type 3,
// tournament notes). Each answer is delayed by latencyMs, as a real upstream is. After a first ingest every poll is a
// steady-state one (all games unchanged), as most polls of a day are. Runs alternate so both see the same machine load.
// Usage: ConnectionStrings__GamePulse=... dotnet run -c Release --project bench/tournament [fixturesDir] [iterations] [latencyMs] [requestsPerSecond]
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GamePulse")
    ?? throw new InvalidOperationException("Set ConnectionStrings__GamePulse to a PostgreSQL database you can write to.");
var fixtures = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "fixtures");
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var latency = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 80);
var rate = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 5;

await using var dataSource = DataServiceCollectionExtensions.CreateDataSource(connectionString);
var databases = new GamePulseDbFactory(dataSource);
await DatabaseMigrator.MigrateAsync(dataSource);
var league = (await new LeagueRepository(databases).FindBySlugAsync("mens-college-basketball"))!;
var ingester = new ScoreboardIngester(databases, new TeamRepository(databases), new GameRepository(databases), new PulseRepository(databases), new IngestRunRepository(databases), new FailureStreaks(), TimeProvider.System, NullLogger<ScoreboardIngester>.Instance);

var regular = File.ReadAllBytes(Path.Combine(fixtures, "espn", "scoreboard-2026-03-03-groups50-final.json"));
var tournament = Tournament(regular);
using var feed = new Feed(regular, tournament, latency);
var date = new DateOnly(2026, 3, 19);

EspnScoreSource Source(bool groups) => new(Options.Create(new IngestionOptions
{
    EspnBaseUrl = feed.BaseUrl,
    EspnRequestsPerSecond = rate,
    TournamentGroupsEnabled = groups,
}), TimeProvider.System);

using var single = Source(groups: false);
using var both = Source(groups: true);
async Task<double> PollAsync(IScoreSource source)
{
    var timer = Stopwatch.StartNew();
    var report = await ingester.FetchAndIngestAsync(source, new IngestTarget("bench", league, date, ScoreSource.Espn), CancellationToken.None);
    if (report.Outcome != IngestOutcome.Succeeded)
    {
        throw new InvalidOperationException($"bench run {report.Outcome}: {report.Error}");
    }

    return timer.Elapsed.TotalMilliseconds;
}

async Task<double> FetchTournamentAsync()
{
    using var client = new HttpClient();
    var timer = Stopwatch.StartNew();
    await client.GetByteArrayAsync(EspnScoreSource.ScoreboardUrl(feed.BaseUrl, league, date, EspnScoreSource.TournamentGroup));
    return timer.Elapsed.TotalMilliseconds;
}

// First ingests insert the games; then warm up the JIT and the pool.
for (var i = 0; i < 3; i++)
{
    await PollAsync(both);
    await PollAsync(single);
    await FetchTournamentAsync();
}

// Each poll waits out the rate limit's spacing from the previous one first, as the Worker's polls (20 s apart) never meet it.
var pause = TimeSpan.FromSeconds(1 / rate);
List<double> alone = [], merged = [], second = [];
for (var i = 0; i < iterations; i++)
{
    await Task.Delay(pause);
    alone.Add(await PollAsync(single));
    await Task.Delay(pause);
    merged.Add(await PollAsync(both));
    second.Add(await FetchTournamentAsync());
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
Console.WriteLine($"tournament-day poll, {iterations} alternating runs, upstream latency {latency.TotalMilliseconds:0} ms, {rate} requests/s, load {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"  groups=50 only (53 games)                 median {Median(alone),7:0.0} ms");
Console.WriteLine($"  groups=50 + groups=100 (53 + 16 games)    median {Median(merged),7:0.0} ms");
Console.WriteLine($"  the groups=100 fetch alone                median {Median(second),7:0.0} ms");
Console.WriteLine($"  extra time of the merged poll             median {Median(merged) - Median(alone),7:0.0} ms");

static byte[] Tournament(byte[] regular)
{
    var root = JsonNode.Parse(regular)!.AsObject();
    root["leagues"]![0]!["season"]!["type"]!["type"] = 3;
    var events = new JsonArray();
    var source = root["events"]!.AsArray();
    for (var i = 0; i < 16; i++)
    {
        var ev = source[i]!.DeepClone();
        var id = $"9100{i:00}";
        ev["id"] = id;
        ev["season"]!["type"] = 3;
        ev["competitions"]![0]!["id"] = id;
        ev["competitions"]![0]!["notes"] = new JsonArray(new JsonObject { ["type"] = "event", ["headline"] = $"Men's Basketball Championship - {new[] { "South", "East", "West", "Midwest" }[i % 4]} Region - 1st Round" });
        events.Add(ev);
    }

    root["events"] = events;
    return Encoding.UTF8.GetBytes(root.ToJsonString());
}

/// <summary>ESPN's scoreboard on 127.0.0.1: groups=100 gets the tournament answer, anything else the regular slate, each after the latency.</summary>
internal sealed class Feed : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    public Feed(byte[] regular, byte[] tournament, TimeSpan latency)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        probe.Stop();
        listener.Prefixes.Add($"{BaseUrl}/");
        listener.Start();
        serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    await Task.Delay(latency);
                    var body = context.Request.QueryString["groups"] == EspnScoreSource.TournamentGroup ? tournament : regular;
                    context.Response.ContentType = "application/json";
                    context.Response.ContentLength64 = body.Length;
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                });
            }
        });
    }

    public string BaseUrl { get; }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        serving.Wait(TimeSpan.FromSeconds(5));
    }
}
