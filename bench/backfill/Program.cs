using System.Diagnostics;
using System.Globalization;
using GamePulse.Bench.Backfill;
using GamePulse.Bench.Season;
using GamePulse.Data;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Data.Migrations;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Backfill;
using GamePulse.Worker.Ingestion.Espn;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

// A season backfill from saved payloads: one ESPN scoreboard per day from 2024-11-04 to 2025-04-07 is written to a temp
// folder and served from 127.0.0.1, and the Worker's own BackfillRunner (the `backfill` command's code: FeedClient with
// retries and rate limit, ScoreboardIngester, ingest_runs) walks the range. Then the same command again (resume: every
// date is already done), and once more after forgetting the runs (every date fetched and re-ingested unchanged).
// Usage: ConnectionStrings__GamePulse=... dotnet run -c Release --project bench/backfill [fixturesDir]
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GamePulse")
    ?? throw new InvalidOperationException("Set ConnectionStrings__GamePulse to a PostgreSQL database you can write to (it is migrated; games with ids 7xxxxxx and the men's ESPN ingest runs of the range are replaced).");
var fixtures = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "fixtures");
var from = new DateOnly(2024, 11, 4);
var to = new DateOnly(2025, 4, 7);

// The same pool settings as the Worker (auto-prepared statements), so the bench times what production runs.
await using var dataSource = DataServiceCollectionExtensions.CreateDataSource(connectionString);
var databases = new GamePulseDbFactory(dataSource);
await DatabaseMigrator.MigrateAsync(dataSource);
var league = (await new LeagueRepository(databases).FindBySlugAsync("mens-college-basketball"))!;

async Task<long> Scalar(string sql)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

const string OurGames = "league_id = 1 AND espn_id LIKE '7%' AND length(espn_id) = 7";
const string OurRuns = "league_id = 1 AND source = 'espn' AND game_date BETWEEN '2024-11-04' AND '2025-04-07'";
await Scalar($"WITH g AS (DELETE FROM games WHERE {OurGames} RETURNING 1), r AS (DELETE FROM ingest_runs WHERE {OurRuns} RETURNING 1) SELECT (SELECT count(*) FROM g) + (SELECT count(*) FROM r)");

// The saved season.
var folder = Directory.CreateTempSubdirectory("gamepulse-season-").FullName;
var recorded = SeasonPayloads.RecordedEvents(fixtures);
var random = new Random(2025);
int days = 0, games = 0;
long bytes = 0;
var perDay = new List<int>();
for (var day = from; day <= to; day = day.AddDays(1))
{
    var count = SeasonPayloads.GamesOn(day, random);
    var path = Path.Combine(folder, $"{day:yyyyMMdd}.json");
    await File.WriteAllTextAsync(path, SeasonPayloads.Day(day, days, count, recorded, random).ToJsonString());
    bytes += new FileInfo(path).Length;
    days++;
    games += count;
    perDay.Add(count);
}

Console.WriteLine($"saved season: {days} days, {games} games ({perDay.Min()}–{perDay.Max()} a day, {perDay.Count(c => c == 0)} days without games), {bytes / 1024.0 / 1024.0:F1} MB in {folder}");

using var feed = new LoopbackFeed(folder);
// The bench lifts the client-side rate limit to the highest value the settings accept (50/s, validated 0.1–50) and drops
// the pause between dates (Ingestion__BackfillDelayMilliseconds=0); in production they are 5/s and 250 ms, to stay
// polite to ESPN, and a season then takes at least 155 × (200 + 250) ms ≈ 70 s of waiting alone.
var options = new IngestionOptions { EspnBaseUrl = feed.BaseUrl, EspnRequestsPerSecond = 50, BackfillDelayMilliseconds = 0 };
using var source = new EspnScoreSource(Options.Create(options), TimeProvider.System);
var runs = new IngestRunRepository(databases);
var ingester = new ScoreboardIngester(databases, new TeamRepository(databases), new GameRepository(databases), new PulseRepository(databases), runs, new FailureStreaks(), TimeProvider.System, NullLogger<ScoreboardIngester>.Instance);
var runner = new BackfillRunner(source, ingester, runs, new GameRepository(databases), options, TimeProvider.System);

async Task Pass(string name)
{
    var rowsBefore = await Scalar($"SELECT (SELECT count(*) FROM games WHERE {OurGames}) + (SELECT count(*) FROM game_snapshots s JOIN games g ON g.id = s.game_id WHERE {OurGames.Replace("league_id", "g.league_id", StringComparison.Ordinal).Replace("espn_id", "g.espn_id", StringComparison.Ordinal)})");
    var versionsBefore = await Scalar($"SELECT coalesce(sum(xmin::text::bigint), 0) FROM games WHERE {OurGames}");
    var requestsBefore = feed.Requests;
    var reports = new List<IngestRun>();
    var timer = Stopwatch.StartNew();
    var summary = await runner.RunAsync(league, from, to, step =>
    {
        if (step.Run is { } report)
        {
            reports.Add(report);
        }
    }, CancellationToken.None);
    var seconds = timer.Elapsed.TotalSeconds;
    var ingested = reports.Sum(r => r.GamesSeen);
    var ms = reports.Select(r => (double)r.DurationMs).Order().ToList();
    Console.WriteLine(
        $"{name}: {seconds:F3} s for {summary.Total} dates ({summary.Total / seconds:F1} days/s), {summary.Succeeded} ingested, {summary.AlreadyDone} already done, "
        + $"{summary.Failed} failed, {feed.Requests - requestsBefore} HTTP requests; {ingested} games read ({ingested / seconds:F0} games/s); "
        + $"written: {summary.GamesWritten} game rows (inserted {reports.Sum(r => r.GamesInserted)}, updated {reports.Sum(r => r.GamesUpdated)}), {reports.Sum(r => r.SnapshotRows)} snapshots, {reports.Count} ingest_runs"
        + (ms.Count > 0 ? $"; per date median {ms[ms.Count / 2]:F0} ms, max {ms[^1]:F0} ms" : ""));
    var rowsAfter = await Scalar($"SELECT (SELECT count(*) FROM games WHERE {OurGames}) + (SELECT count(*) FROM game_snapshots s JOIN games g ON g.id = s.game_id WHERE {OurGames.Replace("league_id", "g.league_id", StringComparison.Ordinal).Replace("espn_id", "g.espn_id", StringComparison.Ordinal)})");
    var versionsAfter = await Scalar($"SELECT coalesce(sum(xmin::text::bigint), 0) FROM games WHERE {OurGames}");
    Console.WriteLine($"  check in the database: {rowsAfter - rowsBefore} new game + snapshot rows, game row versions {(versionsAfter == versionsBefore ? "unchanged" : "changed")}");
}

await Pass("pass 1, empty database");
await Pass("pass 2, same command again (resume)");
await Scalar($"WITH r AS (DELETE FROM ingest_runs WHERE {OurRuns} RETURNING 1) SELECT count(*) FROM r");
await Pass("pass 3, runs forgotten (every date re-fetched, unchanged)");
Console.WriteLine($"games stored: {await Scalar($"SELECT count(*) FROM games WHERE {OurGames}")}, all final: {await Scalar($"SELECT count(*) FROM games WHERE {OurGames} AND state <> 'final'") == 0}");
Directory.Delete(folder, recursive: true);
