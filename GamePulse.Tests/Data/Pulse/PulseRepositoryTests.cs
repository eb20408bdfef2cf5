using GamePulse.Data.Games;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data.Pulse;

[TestClass]
public sealed class PulseRepositoryTests
{
    private static readonly DateOnly Day = new(2025, 2, 4);
    private static readonly DateTimeOffset Observed = new(2025, 2, 5, 1, 0, 0, TimeSpan.Zero);
    private static TestDatabase database = null!;
    private static int duke;
    private static int unc;
    private static int kansas;
    private static int baylor;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        duke = await database.MensTeamIdAsync("150");
        unc = await database.MensTeamIdAsync("153");
        kansas = await database.MensTeamIdAsync("2305");
        baylor = await database.MensTeamIdAsync("239");
    }

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestInitialize]
    public Task ClearGames() => database.ExecuteAsync("TRUNCATE games CASCADE");

    private static GameUpsert Live(string id, int home, int away, string clock, int homeScore, int awayScore, int period = 2) =>
        GameBuilder.Scheduled(id, home, away, Day) with { State = GameState.Live, Period = (short)period, Clock = clock, HomeScore = (short)homeScore, AwayScore = (short)awayScore };

    private static async Task<IReadOnlyList<long>> UpsertAndRecomputeAsync(DateTimeOffset at, params GameUpsert[] games)
    {
        var result = await database.UpsertGamesAsync(1, ScoreSource.Espn, games, at);
        await database.RecomputePulseAsync(result.ChangedGameIds, at);
        return result.ChangedGameIds;
    }

    [TestMethod]
    public async Task Recompute_stores_score_factors_and_time_read_back_on_the_game_summary()
    {
        var ids = await UpsertAndRecomputeAsync(Observed, Live("g1", duke, unc, "0:45", 70, 70));

        var game = (await database.Games.FindByIdAsync(ids[0]))!;

        Assert.IsNotNull(game.PulseScore);
        Assert.IsGreaterThan(60, game.PulseScore.Value);
        Assert.AreEqual("Tied with 0:45 left", game.PulseFactors![0]);
        Assert.AreEqual(Observed.UtcDateTime, await database.ScalarAsync<DateTime>("SELECT pulse_updated_at FROM games WHERE id = @id", new { id = ids[0] }));
    }

    [TestMethod]
    public async Task History_gets_a_row_only_when_the_score_changes()
    {
        var id = (await UpsertAndRecomputeAsync(Observed, Live("g1", duke, unc, "10:00", 50, 48)))[0];

        var again = await database.RecomputePulseAsync([id], Observed.AddMinutes(1));
        await UpsertAndRecomputeAsync(Observed.AddMinutes(2), Live("g1", duke, unc, "1:00", 60, 60));
        var history = await database.Pulse.GetHistoryAsync(id);

        Assert.AreEqual(1, again.Computed, "same data, nothing written: again.Computed");
        Assert.AreEqual(0, again.Updated, "same data, nothing written: again.Updated");
        Assert.AreEqual(0, again.HistoryRows, "same data, nothing written: again.HistoryRows");
        Assert.HasCount(2, history);
        Assert.AreEqual(Observed.AddMinutes(2).UtcDateTime, history[1].ObservedAt.ToUniversalTime());
        Assert.IsGreaterThan(history[0].Score, history[1].Score);
    }

    [TestMethod]
    public async Task Recompute_uses_the_snapshot_history_for_lead_changes()
    {
        await UpsertAndRecomputeAsync(Observed, Live("g1", duke, unc, "15:00", 40, 38));
        await UpsertAndRecomputeAsync(Observed.AddMinutes(1), Live("g1", duke, unc, "12:00", 40, 43));
        var ids = await UpsertAndRecomputeAsync(Observed.AddMinutes(2), Live("g1", duke, unc, "9:00", 47, 43));

        var game = (await database.Games.FindByIdAsync(ids[0]))!;

        CollectionAssert.Contains(game.PulseFactors, "2 lead changes");
    }

    [TestMethod]
    public async Task Best_live_orders_by_pulse_and_follows_a_change_in_the_database()
    {
        await UpsertAndRecomputeAsync(Observed, Live("close", duke, unc, "2:00", 60, 59), Live("blowout", kansas, baylor, "2:00", 80, 50));
        var final = GameBuilder.Scheduled("final", unc, kansas, Day) with { State = GameState.Final, Period = 2, Clock = "0:00", HomeScore = 70, AwayScore = 69 };
        await UpsertAndRecomputeAsync(Observed, final);

        var first = await database.Pulse.GetBestLiveAsync(Day, 10);
        await UpsertAndRecomputeAsync(Observed.AddMinutes(1), Live("close", duke, unc, "1:00", 75, 59), Live("blowout", kansas, baylor, "1:00", 80, 79));
        var second = await database.Pulse.GetBestLiveAsync(Day, 10);

        string[] firstOrder = ["Duke", "Kansas"];
        CollectionAssert.AreEqual(firstOrder, first.Select(g => g.Home.ShortName).ToArray(), "finals are not live");
        string[] secondOrder = ["Kansas", "Duke"];
        CollectionAssert.AreEqual(secondOrder, second.Select(g => g.Home.ShortName).ToArray());
        Assert.HasCount(1, await database.Pulse.GetBestLiveAsync(Day, 1));
    }

    [TestMethod]
    public async Task Best_live_includes_last_nights_late_games_but_not_older_stalled_ones()
    {
        await UpsertAndRecomputeAsync(Observed, Live("last-night", duke, unc, "2:00", 60, 59) with { GameDate = Day.AddDays(-1) });
        await UpsertAndRecomputeAsync(Observed, Live("stalled", kansas, baylor, "2:00", 60, 59) with { GameDate = Day.AddDays(-2) });

        var best = await database.Pulse.GetBestLiveAsync(Day, 10);

        string[] expected = ["Duke"];
        CollectionAssert.AreEqual(expected, best.Select(g => g.Home.ShortName).ToArray());
    }

    [TestMethod]
    public async Task Best_finals_are_the_finals_of_that_date_by_pulse()
    {
        var final = GameBuilder.Scheduled("f1", duke, unc, Day) with { State = GameState.Final, Period = 2, Clock = "0:00", HomeScore = 90, AwayScore = 60 };
        var overtime = GameBuilder.Scheduled("f2", kansas, baylor, Day) with { State = GameState.Final, Period = 3, Clock = "0:00", HomeScore = 81, AwayScore = 80 };
        var otherDay = GameBuilder.Scheduled("f3", unc, kansas, Day.AddDays(1)) with { State = GameState.Final, Period = 2, Clock = "0:00", HomeScore = 70, AwayScore = 69 };
        await UpsertAndRecomputeAsync(Observed, final, overtime, otherDay, Live("live", baylor, duke, "5:00", 50, 50));

        var best = await database.Pulse.GetBestFinalsAsync(Day, 5);

        string[] expected = ["Kansas", "Duke"];
        CollectionAssert.AreEqual(expected, best.Select(g => g.Home.ShortName).ToArray());
        CollectionAssert.Contains(best[0].PulseFactors, "Overtime");
    }

    [TestMethod]
    public async Task Recompute_inside_a_rolled_back_transaction_leaves_nothing_and_unknown_ids_are_ignored()
    {
        var result = await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", duke, unc, "5:00", 50, 50)], Observed);
        await using (var db = database.Databases.Open())
        await using (var transaction = await db.BeginTransactionAsync())
        {
            var inside = await database.Pulse.RecomputeAsync(db, [.. result.ChangedGameIds, 987654321], Observed);
            Assert.AreEqual(1, inside.Computed, "inside.Computed");
            Assert.AreEqual(1, inside.Updated, "inside.Updated");
            Assert.AreEqual(1, inside.HistoryRows, "inside.HistoryRows");
            await transaction.RollbackAsync();
        }

        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM games WHERE pulse_score IS NOT NULL"));
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pulse_history"));
        var empty = await database.RecomputePulseAsync([], Observed);
        Assert.AreEqual(0, empty.Computed, "empty.Computed");
        Assert.AreEqual(0, empty.Updated, "empty.Updated");
        Assert.AreEqual(0, empty.HistoryRows, "empty.HistoryRows");
    }

    [TestMethod]
    public async Task The_database_rejects_a_score_outside_0_to_100()
    {
        var id = (await UpsertAndRecomputeAsync(Observed, Live("g1", duke, unc, "5:00", 50, 50)))[0];

        await Assert.ThrowsExactlyAsync<Npgsql.PostgresException>(() => database.ExecuteAsync("UPDATE games SET pulse_score = 101 WHERE id = @id", new { id }));
    }
}
