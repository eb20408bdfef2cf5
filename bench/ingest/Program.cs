using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using GamePulse.Bench.Season;
using GamePulse.Data;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Data.Migrations;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using GamePulse.Worker.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Parse + upsert of a 150-game ESPN scoreboard built from the recorded events with new ids, through the same
// ScoreboardIngester as the Worker (parse, resolve teams, upsert, ingest_runs row, NOTIFY, one transaction), into a
// database that already holds a season of games (9,906, loaded first and analyzed, as production's is), or with
// --empty into a games table that starts empty and is never analyzed during the run (shown for comparison).
// Usage: ConnectionStrings__GamePulse=... dotnet run -c Release --project bench/ingest [fixturesDir] [iterations] [--empty]
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GamePulse")
    ?? throw new InvalidOperationException("Set ConnectionStrings__GamePulse to a PostgreSQL database you can write to (it is migrated, and games with ids 9xxxxxxx are added).");
var fixtures = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "fixtures");
var iterations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
var withSeason = !args.Contains("--empty");

var loadAtStart = File.ReadAllText("/proc/loadavg").Trim();
// The same pool settings as the Worker (auto-prepared statements), so the bench times what production runs.
await using var dataSource = DataServiceCollectionExtensions.CreateDataSource(connectionString);
var databases = new GamePulseDbFactory(dataSource);
await DatabaseMigrator.MigrateAsync(dataSource);
var league = (await new LeagueRepository(databases).FindBySlugAsync("mens-college-basketball"))!;
var ingester = new ScoreboardIngester(databases, new TeamRepository(databases), new GameRepository(databases), new PulseRepository(databases), new IngestRunRepository(databases), new FailureStreaks(), TimeProvider.System, NullLogger<ScoreboardIngester>.Instance);

var recorded = new[] { "scoreboard-2025-02-04-mixed-early.json", "scoreboard-2025-02-04-mixed.json", "scoreboard-2025-02-11-mixed.json" }
    .SelectMany(f => JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "espn", f)))!["events"]!.AsArray().Select(e => e!.ToJsonString()))
    .ToList();

byte[] Day(int block)
{
    var events = new JsonArray();
    for (var i = 0; i < 150; i++)
    {
        var ev = JsonNode.Parse(recorded[i % recorded.Count])!;
        var id = $"9{block:000}{i:000}";
        ev["id"] = id;
        ev["date"] = "2025-03-01T23:00Z";
        ev["competitions"]![0]!["id"] = id;
        ev["competitions"]![0]!["date"] = "2025-03-01T23:00Z";
        events.Add(ev);
    }

    var root = new JsonObject { ["leagues"] = new JsonArray(new JsonObject { ["slug"] = "mens-college-basketball" }), ["day"] = new JsonObject { ["date"] = "2025-03-01" }, ["events"] = events };
    return Encoding.UTF8.GetBytes(root.ToJsonString());
}

async Task<(double Ms, IngestRun Report)> Measure(byte[] body)
{
    var timer = Stopwatch.StartNew();
    var report = await ingester.IngestSavedAsync(new IngestTarget("bench", league, new DateOnly(2025, 3, 1), ScoreSource.Espn), body, CancellationToken.None);
    return (timer.Elapsed.TotalMilliseconds, report);
}

await using (var connection = await dataSource.OpenConnectionAsync())
{
    await using var cleanup = new NpgsqlCommand(
        withSeason
            ? "DELETE FROM games WHERE espn_id LIKE '9%' AND length(espn_id) = 7; DELETE FROM ingest_runs WHERE job = 'bench'"
            : "DELETE FROM games; DELETE FROM ingest_runs WHERE job LIKE 'bench%'",
        connection);
    await cleanup.ExecuteNonQueryAsync();
}

string database;
if (withSeason)
{
    // Production ingests into a table holding past seasons, and autovacuum keeps its statistics current. Measuring
    // against an empty table that grows during the run measures something else: the Worker's statements are prepared,
    // and the generic plan PostgreSQL caches while the table is nearly empty (a sequential scan) stays in use until the
    // table is next analyzed, so every run gets slower than the last (see --empty and docs/decisions/0105-…).
    var seasonTimer = Stopwatch.StartNew();
    var season = SeasonPayloads.RecordedEvents(fixtures);
    var random = new Random(2025);
    int seasonDays = 0, seasonGames = 0;
    for (var day = new DateOnly(2024, 11, 4); day <= new DateOnly(2025, 4, 7); day = day.AddDays(1), seasonDays++)
    {
        var count = SeasonPayloads.GamesOn(day, random);
        seasonGames += count;
        var body = Encoding.UTF8.GetBytes(SeasonPayloads.Day(day, seasonDays, count, season, random).ToJsonString());
        await ingester.IngestSavedAsync(new IngestTarget("bench-season", league, day, ScoreSource.Espn), body, CancellationToken.None);
    }

    // What autovacuum does within a minute of such a load, and the backfill command does when it finishes.
    await new GameRepository(databases).AnalyzeAsync();
    database = $"a season loaded first ({seasonDays} days, {seasonGames} games, {seasonTimer.Elapsed.TotalSeconds:F1} s) and analyzed";
}
else
{
    database = "--empty: the games table starts empty and is not analyzed during the run";
}

// Warm-up, not timed: the Worker is a long-running process, so what matters is the pipeline once the JIT has tiered
// its hot code up (tiered compilation with dynamic PGO needs a few dozen calls and a quiet moment to rejit a method;
// after a single warm-up run the parser still ran about twice as slow inside the pipeline as on its own). 20 new days
// and 20 unchanged re-ingests, each doing the same work as a timed run, then the connection pool and plans are warm too.
for (var i = 0; i < 20; i++)
{
    await Measure(Day(900 + i));
}

var warm = Day(919);
for (var i = 0; i < 20; i++)
{
    await Measure(warm);
}

await Task.Delay(500); // lets the background JIT finish the last rejits instead of competing with the first timed runs

// Every day's payload is built before the clock starts: building one with JsonNode leaves megabytes of garbage, and
// collecting it inside the timed ingest would charge the pipeline for the benchmark's own work.
var days = Enumerable.Range(0, iterations).Select(Day).ToList();
GC.Collect();
GC.WaitForPendingFinalizers();
var fresh = new List<(double Ms, IngestRun Report)>();
foreach (var day in days)
{
    fresh.Add(await Measure(day));
}

var last = days[^1];
var unchanged = new List<(double Ms, IngestRun Report)>();
for (var i = 0; i < iterations; i++)
{
    unchanged.Add(await Measure(last));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

var parseOnly = new List<double>();
for (var i = 0; i < iterations; i++)
{
    var timer = Stopwatch.StartNew();
    ScoreboardPayload.Parse(last, league, ScoreSource.Espn);
    parseOnly.Add(timer.Elapsed.TotalMilliseconds);
}

var f = fresh[^1].Report;
var u = unchanged[^1].Report;
Console.WriteLine($"load average at the start: {loadAtStart}; at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"database: {database}");
Console.WriteLine($"150-game day, new games  : median {Median(fresh.Select(r => r.Ms)):F1} ms over {iterations} runs (min {fresh.Min(r => r.Ms):F1}, max {fresh.Max(r => r.Ms):F1}); rows written per run: {f.GamesInserted} games + {f.SnapshotRows} snapshots + 1 ingest_runs");
Console.WriteLine($"150-game day, parse only : median {Median(parseOnly):F1} ms (min {parseOnly.Min():F1}, max {parseOnly.Max():F1})");
Console.WriteLine($"150-game day, unchanged  : median {Median(unchanged.Select(r => r.Ms)):F1} ms over {iterations} runs (min {unchanged.Min(r => r.Ms):F1}, max {unchanged.Max(r => r.Ms):F1}); rows written per run: {u.GamesInserted + u.GamesUpdated} games + {u.SnapshotRows} snapshots + 1 ingest_runs (unchanged {u.GamesUnchanged})");
