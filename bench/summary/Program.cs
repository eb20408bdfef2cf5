using System.Diagnostics;
using GamePulse.Data;
using GamePulse.Data.Games;
using GamePulse.Data.Games.Detail;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Data.Migrations;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Summaries;
using LinqToDB.Data;
using Microsoft.Extensions.Logging.Abstractions;

// Parse + store of one ESPN summary (the overtime final: 581 plays, 32 players, 580 win-probability points) through
// the Worker's SummaryIngester (parse, teams, game row in summary mode, Pulse, detail, NOTIFY, one transaction), after
// its scoreboard: "first" stores the detail into empty tables (the detail is deleted between runs, untimed), "again"
// re-stores the same summary, which must write zero rows; "parse" is the parser alone.
// Usage: ConnectionStrings__GamePulse=... dotnet run -c Release --project bench/summary [fixturesDir] [iterations]
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GamePulse")
    ?? throw new InvalidOperationException("Set ConnectionStrings__GamePulse to a PostgreSQL database you can write to (it is migrated and gets the 2026-03-03 games).");
var fixtures = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "fixtures");
var iterations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;

var loadAtStart = File.ReadAllText("/proc/loadavg").Trim();
await using var dataSource = DataServiceCollectionExtensions.CreateDataSource(connectionString);
var databases = new GamePulseDbFactory(dataSource);
await DatabaseMigrator.MigrateAsync(dataSource);
var league = (await new LeagueRepository(databases).FindBySlugAsync("mens-college-basketball"))!;
var runs = new IngestRunRepository(databases);
var scoreboards = new ScoreboardIngester(databases, new TeamRepository(databases), new GameRepository(databases), new PulseRepository(databases), runs, new FailureStreaks(), TimeProvider.System, NullLogger<ScoreboardIngester>.Instance);
var summaries = new SummaryIngester(databases, new TeamRepository(databases), new GameRepository(databases), new GameDetailRepository(databases), new PulseRepository(databases), runs, TimeProvider.System, NullLogger<SummaryIngester>.Instance);

await scoreboards.IngestSavedAsync(new IngestTarget("bench", league, null, ScoreSource.Espn), await File.ReadAllBytesAsync(Path.Combine(fixtures, "espn", "scoreboard-2026-03-03-groups50-final.json")), CancellationToken.None);
var body = await File.ReadAllBytesAsync(Path.Combine(fixtures, "espn", "summary-401808279-final-ot.json"));

async Task ClearDetailAsync()
{
    await using var db = databases.Open();
    await db.ExecuteAsync("DELETE FROM game_details; DELETE FROM game_plays; DELETE FROM game_player_stats; DELETE FROM game_team_stats; DELETE FROM game_leaders");
}

// Warm-up: JIT, prepared statements, the pool.
for (var i = 0; i < 10; i++)
{
    await ClearDetailAsync();
    await summaries.StoreAsync(league, body, CancellationToken.None);
    await summaries.StoreAsync(league, body, CancellationToken.None);
    EspnSummaryParser.Parse(body, league);
}

var first = new List<double>();
var again = new List<double>();
var parse = new List<double>();
var firstRows = 0;
var againRows = 0;
for (var i = 0; i < iterations; i++)
{
    await ClearDetailAsync();
    var timer = Stopwatch.StartNew();
    var stored = await summaries.StoreAsync(league, body, CancellationToken.None);
    first.Add(timer.Elapsed.TotalMilliseconds);
    firstRows = stored.RowsWritten;

    timer.Restart();
    var repeated = await summaries.StoreAsync(league, body, CancellationToken.None);
    again.Add(timer.Elapsed.TotalMilliseconds);
    againRows = Math.Max(againRows, repeated.RowsWritten);

    timer.Restart();
    EspnSummaryParser.Parse(body, league);
    parse.Add(timer.Elapsed.TotalMilliseconds);
}

// Where an unchanged store spends its time: the detail statement alone (the same parsed detail, nothing written) and
// the game's Pulse recompute alone (three reads and a write that changes nothing), each in its own transaction.
var details = new GameDetailRepository(databases);
var pulse = new PulseRepository(databases);
var parsedOnce = EspnSummaryParser.Parse(body, league);
long gameId;
await using (var lookup = databases.Open())
{
    gameId = await lookup.ExecuteAsync<long>("SELECT id FROM games WHERE espn_id = '401808279'");
}

var detailOnly = new List<double>();
var pulseOnly = new List<double>();
for (var i = 0; i < iterations; i++)
{
    await using var db = databases.Open();
    await using (var transaction = await db.BeginTransactionAsync())
    {
        var timer = Stopwatch.StartNew();
        await details.StoreAsync(db, gameId, ScoreSource.Espn, parsedOnce.Detail, parsedOnce.Card, DateTimeOffset.UtcNow);
        detailOnly.Add(timer.Elapsed.TotalMilliseconds);
        timer.Restart();
        await pulse.RecomputeAsync(db, [gameId], DateTimeOffset.UtcNow);
        pulseOnly.Add(timer.Elapsed.TotalMilliseconds);
        await transaction.RollbackAsync();
    }
}

static string Stats(List<double> values)
{
    var sorted = values.Order().ToList();
    return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"median {sorted[sorted.Count / 2]:0.0} ms, p90 {sorted[(int)(sorted.Count * 0.9)]:0.0} ms, min {sorted[0]:0.0} ms");
}

Console.WriteLine($"summary-401808279-final-ot.json ({body.Length / 1024} KB, 581 plays, 32 players), {iterations} iterations, load average at start {loadAtStart}, {Environment.ProcessorCount} cores");
Console.WriteLine($"parse + store, first (rows written {firstRows}): {Stats(first)} (target median <= 20 ms)");
Console.WriteLine($"parse + store, unchanged (rows written {againRows}, target 0): {Stats(again)}");
Console.WriteLine($"parse only: {Stats(parse)}");
Console.WriteLine($"unchanged detail statement only: {Stats(detailOnly)}; Pulse recompute of the game only: {Stats(pulseOnly)}");
if (againRows != 0)
{
    Console.Error.WriteLine("bench: re-storing an unchanged summary wrote rows");
    return 1;
}

return 0;
