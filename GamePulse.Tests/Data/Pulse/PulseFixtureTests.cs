using GamePulse.Data.Games;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data.Pulse;

/// <summary>Pulse for every game of the recorded ESPN basketball scoreboards, and across the two snapshots of 2025-02-04.</summary>
[TestClass]
public sealed class PulseFixtureTests
{
    private const string Early = "espn/scoreboard-2025-02-04-mixed-early.json";
    private const string Later = "espn/scoreboard-2025-02-04-mixed.json";
    private const string Halftimes = "espn/scoreboard-2025-02-11-mixed.json";
    private static TestDatabase database = null!;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestMethod]
    [DataRow(Early)]
    [DataRow(Later)]
    [DataRow(Halftimes)]
    public void Every_recorded_game_gets_a_bounded_explained_score_of_its_kind(string fixture)
    {
        var games = EspnScoreboardFixture(fixture);

        Assert.IsNotEmpty(games);
        foreach (var game in games)
        {
            var pulse = PulseCalculator.Compute(game.ToPulseInput(1, GameFlow.None));

            Assert.IsInRange(0, 100, pulse.Score);
            Assert.AreEqual(game.State == GameState.Scheduled ? PulseKind.Scheduled : PulseKind.Live, pulse.Kind, game.EventId);
            Assert.IsNotEmpty(pulse.Factors, game.EventId);
        }
    }

    [TestMethod]
    public void On_2025_02_11_the_tied_game_leads_the_live_games_and_the_ten_point_game_trails()
    {
        var live = EspnScoreboardFixture(Halftimes)
            .Where(g => g.State != GameState.Scheduled)
            .Select(g => (Game: g, Pulse: PulseCalculator.Compute(g.ToPulseInput(1, GameFlow.None))))
            .OrderByDescending(x => x.Pulse.Score)
            .ToList();

        Assert.HasCount(5, live);
        Assert.AreEqual("MSST", live[0].Game.Home.Abbreviation, "live[0].Game.Home.Abbreviation");
        Assert.AreEqual(27, live[0].Game.HomeScore, "live[0].Game.HomeScore");
        Assert.AreEqual(27, live[0].Game.AwayScore, "live[0].Game.AwayScore");
        Assert.AreEqual("Tied in the 1st half", live[0].Pulse.Factors[0].Text);
        CollectionAssert.Contains(live[0].Pulse.FactorTexts.ToList(), "No. 22 Mississippi St level with No. 3 Florida");
        Assert.AreEqual("UK", live[^1].Game.Home.Abbreviation, "live[^1].Game.Home.Abbreviation");
        Assert.AreEqual(35, live[^1].Game.HomeScore, "live[^1].Game.HomeScore");
        Assert.AreEqual(25, live[^1].Game.AwayScore, "live[^1].Game.AwayScore");
        Assert.IsTrue(live.Where(x => x.Game.State == GameState.Halftime).All(x => x.Pulse.Factors[0].Text.EndsWith("at halftime", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Across_the_two_snapshots_of_2025_02_04_close_games_rise_widening_leads_fall_and_history_follows()
    {
        await database.ExecuteAsync("TRUNCATE games CASCADE");
        var early = EspnScoreboardFixture(Early);
        var later = EspnScoreboardFixture(Later);
        var firstSeen = new DateTimeOffset(2025, 2, 5, 0, 40, 0, TimeSpan.Zero);
        var secondSeen = firstSeen.AddMinutes(55);

        var firstIds = await IngestAsync(early, firstSeen);
        var before = await PulseByEventAsync();
        var secondIds = await IngestAsync(later, secondSeen);
        var after = await PulseByEventAsync();

        Assert.HasCount(10, firstIds);
        Assert.HasCount(5, secondIds, "the 4 live games moved and Houston tipped off; the 5 later games did not change");

        // St. John's 30–29 Marquette late in the 1st half → 54–55 with 5:09 left in the 2nd: closer to the end, lead changed.
        Assert.IsGreaterThan(before["401719131"].Score, after["401719131"].Score);
        CollectionAssert.Contains(after["401719131"].Factors, "1 lead change");
        // Houston was scheduled; now unranked Oklahoma St leads No. 5 Houston: anticipation becomes an upset in progress.
        Assert.AreEqual(GameState.Scheduled, before["401725712"].State, "before['401725712'].State");
        Assert.AreEqual(GameState.Live, after["401725712"].State, "after['401725712'].State");
        Assert.IsGreaterThan(before["401725712"].Score, after["401725712"].Score);
        CollectionAssert.Contains(after["401725712"].Factors, "Unranked Oklahoma St leads No. 5 Houston");
        // Florida 17–19 → 63–54, Iowa 20–21 → 69–78, Ole Miss 24–16 → 78–63: the leads grew to 9, 9 and 15.
        foreach (var widened in new[] { "401708369", "401721401", "401708371" })
        {
            Assert.IsLessThan(before[widened].Score, after[widened].Score, widened);
        }

        var history = await database.QueryAsync<(string EventId, long Rows)>(
            "SELECT g.espn_id, count(h.id) FROM games g LEFT JOIN pulse_history h ON h.game_id = g.id GROUP BY g.espn_id");
        Assert.IsTrue(history.All(h => h.Rows == (secondIds.Contains(h.EventId) ? 2 : 1)), string.Join(", ", history));

        var best = await database.Pulse.GetBestLiveAsync(new DateOnly(2025, 2, 4), 3);
        Assert.HasCount(3, best);
        Assert.AreEqual(after.Values.Where(p => p.State == GameState.Live).Max(p => p.Score), best[0].PulseScore);
        Assert.AreEqual("401719131", after.Single(p => p.Value.Score == best[0].PulseScore).Key, "the one-point game in the 2nd half is the best right now");
    }

    private static IReadOnlyList<EspnFixtureGame> EspnScoreboardFixture(string path) => EspnFixtureGame.Load(path);

    // What the ingestion pipeline will do: resolve teams, upsert, and recompute Pulse for the changed games in one transaction.
    private static async Task<HashSet<string>> IngestAsync(IReadOnlyList<EspnFixtureGame> games, DateTimeOffset observedAt)
    {
        var result = await database.InUnitOfWorkAsync(async db =>
        {
            var teams = await database.Teams.ResolveAsync(db, 1, ScoreSource.Espn, [.. games.SelectMany(g => new[] { g.Home, g.Away }).DistinctBy(t => t.ExternalId)]);
            var upserted = await database.Games.UpsertAsync(db, 1, ScoreSource.Espn, [.. games.Select(g => g.ToUpsert(teams.TeamIdsByExternalId))], observedAt);
            await database.Pulse.RecomputeAsync(db, upserted.ChangedGameIds, observedAt);
            return upserted;
        });
        var changed = await database.QueryAsync<string>("SELECT espn_id FROM games WHERE id = ANY(@ids)", new { ids = result.ChangedGameIds.ToArray() });
        return [.. changed];
    }

    private static async Task<Dictionary<string, StoredPulse>> PulseByEventAsync() =>
        (await database.QueryAsync<StoredPulse>("SELECT espn_id AS espnid, state, pulse_score AS score, pulse_factors AS factors FROM games"))
            .ToDictionary(p => p.EspnId);

    private sealed record StoredPulse
    {
        public required string EspnId { get; init; }
        public required string State { get; init; }
        public int Score { get; init; }
        public required string[] Factors { get; init; }
    }
}
