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
}
