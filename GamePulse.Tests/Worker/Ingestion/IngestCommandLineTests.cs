using GamePulse.Tests.Support;
using GamePulse.Tests.Worker.Hosting;

namespace GamePulse.Tests.Worker.Ingestion;

/// <summary>The ingest and backfill commands' options: mistakes are exit 64 with a clear line, before any database is touched.</summary>
[TestClass]
public sealed class IngestCommandLineTests
{
    [TestMethod]
    [DataRow(new[] { "ingest" }, "ingest: Option '--league' is required.")]
    [DataRow(new[] { "ingest", "--league", "mens" }, "ingest: give exactly one of --date or --file")]
    [DataRow(new[] { "ingest", "--league", "mens", "--date", "2025-02-04", "--file", "GamePulse.Tests.dll" }, "ingest: give exactly one of --date or --file")]
    [DataRow(new[] { "ingest", "--league", "mens", "--file", "/nonexistent/payload.json" }, "ingest: File does not exist: '/nonexistent/payload.json'.")]
    [DataRow(new[] { "ingest", "--league", "mens", "--date", "today", "--source", "cbs" }, "ingest: --source 'cbs' must be espn or ncaa")]
    [DataRow(new[] { "ingest", "--league" }, "ingest: Required argument missing for option: '--league'.")]
    [DataRow(new[] { "ingest", "--league", "mens", "--league", "womens", "--date", "today" }, "ingest: Option '--league' expects a single argument but 2 were provided.")]
    [DataRow(new[] { "ingest", "--colour", "red" }, "ingest: Unrecognized command or argument '--colour'.")]
    [DataRow(new[] { "backfill", "--league", "mens", "--from", "2025-13-01", "--to", "2025-02-01" }, "backfill: --from '2025-13-01' is not a date (yyyy-MM-dd, today or yesterday)")]
    [DataRow(new[] { "backfill", "--league", "mens", "--from", "2025-02-01" }, "backfill: Option '--to' is required.")]
    [DataRow(new[] { "backfill", "--league", "mens", "--from", "2025-02-05", "--to", "2025-02-01" }, "backfill: --to is before --from")]
    [DataRow(new[] { "backfill", "--league", "mens", "--from", "2024-01-01", "--to", "2025-04-01" }, "backfill: the range is longer than 400 days; split it")]
    public async Task A_usage_mistake_exits_64_with_the_reason(string[] args, string reason)
    {
        var (code, _, error) = await WorkerCommandLineTests.RunAsync(args);

        Assert.AreEqual(64, code, "EX_USAGE");
        StringAssert.Contains(error, reason, "the reason is on stderr");
        StringAssert.Contains(error, $"Run 'GamePulse.Worker {args[0]} --help' for its usage.", "and where to read the usage");
    }

    [TestMethod]
    public async Task An_unknown_league_is_a_usage_error_listing_the_leagues()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();

        var (code, _, error) = await WorkerCommandLineTests.RunAsync("ingest", "--league", "nba", "--date", "today", $"--ConnectionStrings:GamePulse={connectionString}");

        Assert.AreEqual(64, code, "EX_USAGE");
        StringAssert.Contains(error, "ingest: unknown league 'nba' (one of: mens-college-basketball, womens-college-basketball)", "the known leagues are named");
    }

    [TestMethod]
    public async Task Ingest_replays_a_file_with_settings_given_on_the_command_line()
    {
        await using var database = await TestDatabase.CreateAsync();

        var (code, output, error) = await WorkerCommandLineTests.RunAsync(
            "ingest", "--league=mens", "--file", RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json"), $"--ConnectionStrings:GamePulse={database.ConnectionString}", "--Logging:MinimumLevel=Warning");

        Assert.AreEqual(0, code, error);
        StringAssert.StartsWith(output.Split('\n').Last(l => l.StartsWith("ingest ", StringComparison.Ordinal)), "ingest file mens-college-basketball 2025-02-04 (espn): succeeded; seen 10, inserted 10", "the run's summary");
        Assert.AreEqual(10L, await database.ScalarAsync<long>("SELECT count(*) FROM games"), "written to the database the setting named");
    }
}
