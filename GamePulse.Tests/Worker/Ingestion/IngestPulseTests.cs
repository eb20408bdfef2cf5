using GamePulse.Tests.Support;

namespace GamePulse.Tests.Worker.Ingestion;

/// <summary>The ingest run keeps each changed game's Pulse current, in the same transaction as the scores.</summary>
[TestClass]
public sealed class IngestPulseTests
{
    private static TestDatabase database = null!;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestMethod]
    public async Task Every_ingested_game_gets_a_pulse_and_a_live_game_that_changes_gets_a_new_history_point()
    {
        var harness = IngestHarness.Create(database);

        await harness.FileAsync("espn/scoreboard-2025-02-04-mixed-early.json");
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM games WHERE pulse_score IS NULL"), "every game is scored");
        var historyAfterEarly = await database.ScalarAsync<long>("SELECT count(*) FROM pulse_history");

        await harness.FileAsync("espn/scoreboard-2025-02-04-mixed.json");

        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM games WHERE pulse_score IS NULL"));
        Assert.IsGreaterThan(historyAfterEarly, await database.ScalarAsync<long>("SELECT count(*) FROM pulse_history"), "live games whose score moved have a new Pulse point");
        Assert.IsGreaterThan(0L, await database.ScalarAsync<long>("SELECT count(*) FROM games WHERE state = 'live' AND cardinality(pulse_factors) > 0"));
    }

    [TestMethod]
    [DataRow("espn/scoreboard-2025-02-04-mixed-early.json", (short)1)]
    [DataRow("espn/scoreboard-2025-02-11-mixed.json", (short)1)]
    [DataRow("ncaa/scoreboard-men-2021-02-13-pre.json", (short)1)]
    [DataRow("ncaa/scoreboard-women-2025-04-06-final.json", (short)2)]
    public async Task The_pulse_a_new_game_is_inserted_with_is_the_one_a_recompute_from_its_stored_rows_gives(string fixture, short leagueId)
    {
        await database.ExecuteAsync("TRUNCATE games CASCADE");
        var harness = IngestHarness.Create(database);
        var league = leagueId == 1 ? Leagues.Mens : Leagues.Womens;
        await harness.FileAsync(fixture, league, fixture.StartsWith("ncaa", StringComparison.Ordinal) ? GamePulse.Data.Teams.ScoreSource.Ncaa : GamePulse.Data.Teams.ScoreSource.Espn);
        var ids = (await database.QueryAsync<long>("SELECT id FROM games")).ToList();
        Assert.IsNotEmpty(ids);
        Assert.AreEqual((long)ids.Count, await database.ScalarAsync<long>("SELECT count(DISTINCT game_id) FROM pulse_history"), "each new game has its first Pulse point");

        var recomputed = await database.RecomputePulseAsync(ids, DateTimeOffset.UtcNow);

        Assert.AreEqual(ids.Count, recomputed.Computed, "no score or factor differs: recomputed.Computed");
        Assert.AreEqual(0, recomputed.Updated, "no score or factor differs: recomputed.Updated");
        Assert.AreEqual(0, recomputed.HistoryRows, "no score or factor differs: recomputed.HistoryRows");
    }
}
