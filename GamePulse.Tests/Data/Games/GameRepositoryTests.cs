using GamePulse.Data.Games;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data.Games;

[TestClass]
public sealed class GameRepositoryTests
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

    [TestMethod]
    public async Task Inserts_new_games_and_records_a_first_snapshot_each()
    {
        var result = await database.UpsertGamesAsync(1, ScoreSource.Espn, [GameBuilder.Scheduled("g1", duke, unc, Day), GameBuilder.Scheduled("g2", kansas, baylor, Day)], Observed);

        Assert.AreEqual(2, result.Seen, "result.Seen");
        Assert.AreEqual(2, result.Inserted, "result.Inserted");
        Assert.AreEqual(0, result.Updated, "result.Updated");
        Assert.AreEqual(0, result.Unchanged, "result.Unchanged");
        Assert.AreEqual(2, result.SnapshotRows, "result.SnapshotRows");
        Assert.HasCount(2, result.ChangedGameIds);
    }

    [TestMethod]
    public async Task The_read_model_carries_each_side_as_its_own_team_and_times_as_UTC_instants()
    {
        var game = GameBuilder.Scheduled("g1", duke, unc, Day) with
        {
            State = GameState.Final,
            Period = 2,
            HomeScore = 81,
            AwayScore = 77,
            HomeRank = 3,
            AwaySeed = 5,
            HomeRecord = "20-3",
            AwayRecord = "16-7",
            HomeLineScores = [40, 41],
            AwayLineScores = [38, 39],
        };
        var result = await database.UpsertGamesAsync(1, ScoreSource.Espn, [game], Observed);

        var read = await database.Games.FindByIdAsync(result.ChangedGameIds[0]);

        Assert.IsNotNull(read);
        Assert.AreEqual(duke, read.Home.Id, "home team id");
        Assert.AreEqual("duke", read.Home.Slug, "home team slug");
        Assert.AreEqual("Duke", read.Home.ShortName, "home team short name");
        Assert.AreEqual(81, read.Home.Score, "home score");
        Assert.AreEqual(3, read.Home.Rank, "home rank");
        Assert.AreEqual("20-3", read.Home.Record, "home record");
        CollectionAssert.AreEqual(new short[] { 40, 41 }, read.Home.LineScores, "home line scores");
        Assert.AreEqual(unc, read.Away.Id, "away team id");
        Assert.AreEqual("north-carolina", read.Away.Slug, "away team slug");
        Assert.AreEqual(77, read.Away.Score, "away score");
        Assert.AreEqual(5, read.Away.Seed, "away seed");
        Assert.AreEqual("16-7", read.Away.Record, "away record");
        CollectionAssert.AreEqual(new short[] { 38, 39 }, read.Away.LineScores, "away line scores");
        Assert.AreEqual(game.StartTime, read.StartTime, "tip-off instant");
        Assert.AreEqual(TimeSpan.Zero, read.StartTime!.Value.Offset, "tip-off is read as UTC");
        Assert.AreEqual(TimeSpan.Zero, read.UpdatedAt.Offset, "updated_at is read as UTC");
        Assert.AreEqual(read, (await database.Games.GetScoreboardAsync(1, Day)).Single() with { Home = read.Home, Away = read.Away }, "the scoreboard reads the same model");
    }

    [TestMethod]
    public async Task Re_upserting_an_unchanged_payload_writes_no_row()
    {
        var games = new[] { GameBuilder.Scheduled("g1", duke, unc, Day) with { HomeLineScores = [30, 24], AwayLineScores = [28, 20] } };
        await database.UpsertGamesAsync(1, ScoreSource.Espn, games, Observed);
        var versions = await database.ScalarAsync<string>("SELECT string_agg(xmin::text, ',') FROM games");
        var lockers = await database.ScalarAsync<string>("SELECT string_agg(xmax::text, ',') FROM games");

        var again = await database.UpsertGamesAsync(1, ScoreSource.Espn, games, Observed.AddSeconds(20));

        Assert.AreEqual(0, again.Inserted, "again.Inserted");
        Assert.AreEqual(0, again.Updated, "again.Updated");
        Assert.AreEqual(1, again.Unchanged, "again.Unchanged");
        Assert.AreEqual(0, again.SnapshotRows, "again.SnapshotRows");
        Assert.AreEqual(versions, await database.ScalarAsync<string>("SELECT string_agg(xmin::text, ',') FROM games"), "no new row version");
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM game_snapshots"));
        // Not even a row lock: ON CONFLICT locks every conflicting row it reaches, recording the locker in xmax.
        Assert.AreEqual(lockers, await database.ScalarAsync<string>("SELECT string_agg(xmax::text, ',') FROM games"), "unchanged rows never reach ON CONFLICT");
    }

    [TestMethod]
    public async Task A_visible_change_updates_the_game_and_appends_one_snapshot_while_an_invisible_one_appends_none()
    {
        var scheduled = GameBuilder.Scheduled("g1", duke, unc, Day);
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [scheduled], Observed);

        var live = scheduled with { State = GameState.Live, Period = 1, Clock = "12:34", HomeScore = 10, AwayScore = 8 };
        var first = await database.UpsertGamesAsync(1, ScoreSource.Espn, [live], Observed.AddMinutes(1));
        var broadcastOnly = await database.UpsertGamesAsync(1, ScoreSource.Espn, [live with { Broadcast = "ESPN2" }], Observed.AddMinutes(2));

        Assert.AreEqual(1, first.Updated, "first.Updated");
        Assert.AreEqual(1, first.SnapshotRows, "first.SnapshotRows");
        Assert.AreEqual(1, broadcastOnly.Updated, "the broadcast is stored but is not a score change: broadcastOnly.Updated");
        Assert.AreEqual(0, broadcastOnly.SnapshotRows, "the broadcast is stored but is not a score change: broadcastOnly.SnapshotRows");
        var snapshots = await database.Games.GetSnapshotsAsync(first.ChangedGameIds[0]);
        CollectionAssert.AreEqual(new[] { GameState.Scheduled, GameState.Live }, snapshots.Select(s => s.State).ToArray());
        Assert.AreEqual(10, snapshots[1].HomeScore, "snapshots[1].HomeScore");
        Assert.AreEqual(8, snapshots[1].AwayScore, "snapshots[1].AwayScore");
        Assert.AreEqual("12:34", snapshots[1].Clock, "snapshots[1].Clock");
    }

    [TestMethod]
    public async Task A_final_game_never_goes_back_to_live_but_a_score_correction_after_final_is_applied_and_reported()
    {
        var final = GameBuilder.Scheduled("g1", duke, unc, Day) with { State = GameState.Final, Period = 2, HomeScore = 78, AwayScore = 74, Detail = "Final" };
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [final], Observed);

        var stale = await database.UpsertGamesAsync(1, ScoreSource.Espn, [final with { State = GameState.Live, Clock = "0:30", HomeScore = 76 }], Observed.AddMinutes(1));
        var corrected = await database.UpsertGamesAsync(1, ScoreSource.Espn, [final with { HomeScore = 79 }], Observed.AddMinutes(2));

        Assert.AreEqual(0, stale.Updated, "stale.Updated");
        Assert.AreEqual(1, stale.Unchanged, "stale.Unchanged");
        Assert.AreEqual(1, stale.StaleIgnored, "stale.StaleIgnored");
        Assert.AreEqual(1, corrected.Updated);
        var correction = corrected.Corrections.Single();
        Assert.AreEqual((short?)78, correction.OldHomeScore, "correction.OldHomeScore");
        Assert.AreEqual((short?)79, correction.NewHomeScore, "correction.NewHomeScore");
        var game = await database.Games.FindByIdAsync(correction.GameId);
        Assert.AreEqual(GameState.Final, game!.State, "game!.State");
        Assert.AreEqual(79, game.Home.Score, "game.Home.Score");
    }

    private static GameUpsert Live(string id, short period, string? clock, short home, short away) =>
        GameBuilder.Scheduled(id, duke, unc, Day) with { State = GameState.Live, Period = period, Clock = clock, HomeScore = home, AwayScore = away, Detail = $"{clock} - {period}" };

    /// <summary>What the games table holds for a game; a record, so a failed assert prints each field by name.</summary>
    private sealed record StoredGame(string State, short? Period, string? Clock, short? Home);

    private static async Task<StoredGame> StoredAsync(string id)
    {
        var row = (await database.QueryAsync<(string, short?, string?, short?)>("SELECT state, period, clock, home_score FROM games WHERE espn_id = @id", new { id })).Single();
        return new StoredGame(row.Item1, row.Item2, row.Item3, row.Item4);
    }

    [TestMethod]
    public async Task An_older_live_payload_after_a_newer_one_is_ignored_and_counted_as_stale()
    {
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", 2, "5:00", 60, 55)], Observed);
        var snapshots = await database.ScalarAsync<long>("SELECT count(*) FROM game_snapshots");

        var stale = await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", 1, "10:00", 20, 18)], Observed.AddSeconds(20));

        Assert.AreEqual(0, stale.Inserted, "stale.Inserted");
        Assert.AreEqual(0, stale.Updated, "stale.Updated");
        Assert.AreEqual(1, stale.Unchanged, "stale.Unchanged");
        Assert.AreEqual(1, stale.StaleIgnored, "stale.StaleIgnored");
        Assert.AreEqual(new StoredGame("live", (short?)2, "5:00", (short?)60), await StoredAsync("g1"));
        Assert.AreEqual(snapshots, await database.ScalarAsync<long>("SELECT count(*) FROM game_snapshots"), "a stale payload adds no snapshot");
    }

    [TestMethod]
    [DataRow((short)1, "10:00", (short)1, "9:59", DisplayName = "same half, less clock")]
    [DataRow((short)1, "0:30", (short)2, "19:59", DisplayName = "next half")]
    [DataRow((short)2, "1:05", (short)2, "45.2", DisplayName = "under a minute, ESPN drops the minutes")]
    [DataRow((short)2, "0:00", (short)3, "5:00", DisplayName = "overtime")]
    public async Task A_newer_live_payload_applies(short period, string clock, short newerPeriod, string newerClock)
    {
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", period, clock, 20, 18)], Observed);

        var newer = await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", newerPeriod, newerClock, 22, 18)], Observed.AddSeconds(20));

        Assert.AreEqual(1, newer.Updated, "newer.Updated");
        Assert.AreEqual(0, newer.StaleIgnored, "newer.StaleIgnored");
        Assert.AreEqual(new StoredGame("live", (short?)newerPeriod, newerClock, (short?)22), await StoredAsync("g1"));
    }

    [TestMethod]
    public async Task More_clock_left_in_the_same_period_is_stale_but_a_score_change_on_a_stopped_clock_applies()
    {
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", 2, "4:12", 60, 55)], Observed);

        var older = await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", 2, "4:13", 58, 55)], Observed.AddSeconds(20));
        var freeThrow = await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", 2, "4:12", 61, 55)], Observed.AddSeconds(40));

        Assert.AreEqual(0, older.Updated, "older.Updated");
        Assert.AreEqual(1, older.StaleIgnored, "older.StaleIgnored");
        Assert.AreEqual(1, freeThrow.Updated, "freeThrow.Updated");
        Assert.AreEqual(0, freeThrow.StaleIgnored, "freeThrow.StaleIgnored");
        Assert.AreEqual(new StoredGame("live", (short?)2, "4:12", (short?)61), await StoredAsync("g1"));
    }

    [TestMethod]
    public async Task Halftime_never_follows_the_second_half_nor_the_first_half_follows_halftime()
    {
        var halftime = Live("g1", 1, null, 35, 30) with { State = GameState.Halftime, Detail = "Halftime" };
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [halftime], Observed);

        var firstHalf = await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", 1, "0:40", 33, 30)], Observed.AddSeconds(20));
        var secondHalf = await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", 2, "19:30", 37, 30)], Observed.AddSeconds(40));
        var staleHalftime = await database.UpsertGamesAsync(1, ScoreSource.Espn, [halftime], Observed.AddSeconds(60));

        Assert.AreEqual(0, firstHalf.Updated, "the first half again after halftime: firstHalf.Updated");
        Assert.AreEqual(1, firstHalf.StaleIgnored, "the first half again after halftime: firstHalf.StaleIgnored");
        Assert.AreEqual(1, secondHalf.Updated, "the second half after halftime: secondHalf.Updated");
        Assert.AreEqual(0, secondHalf.StaleIgnored, "the second half after halftime: secondHalf.StaleIgnored");
        Assert.AreEqual(0, staleHalftime.Updated, "halftime again during the second half: staleHalftime.Updated");
        Assert.AreEqual(1, staleHalftime.StaleIgnored, "halftime again during the second half: staleHalftime.StaleIgnored");
        Assert.AreEqual(new StoredGame("live", (short?)2, "19:30", (short?)37), await StoredAsync("g1"));
    }

    [TestMethod]
    [DataRow(GameState.Live)]
    [DataRow(GameState.Halftime)]
    public async Task A_scheduled_payload_never_takes_a_started_game_back(string started)
    {
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", 1, started == GameState.Live ? "12:00" : null, 10, 8) with { State = started }], Observed);

        var stale = await database.UpsertGamesAsync(1, ScoreSource.Espn, [GameBuilder.Scheduled("g1", duke, unc, Day)], Observed.AddSeconds(20));

        Assert.AreEqual(0, stale.Updated, "stale.Updated");
        Assert.AreEqual(1, stale.StaleIgnored, "stale.StaleIgnored");
        Assert.AreEqual(started, (await StoredAsync("g1")).State);
    }

    [TestMethod]
    [DataRow(GameState.Postponed)]
    [DataRow(GameState.Canceled)]
    [DataRow(GameState.Delayed)]
    public async Task Postponed_canceled_or_delayed_from_the_source_applies_to_a_live_game(string state)
    {
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", 2, "5:00", 60, 55)], Observed);

        var result = await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", 1, "10:00", 60, 55) with { State = state }], Observed.AddSeconds(20));

        Assert.AreEqual(1, result.Updated, "result.Updated");
        Assert.AreEqual(0, result.StaleIgnored, "result.StaleIgnored");
        Assert.AreEqual(state, (await StoredAsync("g1")).State);
    }

    [TestMethod]
    public async Task A_live_game_still_goes_final_and_its_final_score_can_still_be_corrected()
    {
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [Live("g1", 2, "0:05", 70, 68)], Observed);
        var final = Live("g1", 2, null, 72, 68) with { State = GameState.Final, Detail = "Final" };

        var ended = await database.UpsertGamesAsync(1, ScoreSource.Espn, [final], Observed.AddSeconds(20));
        var corrected = await database.UpsertGamesAsync(1, ScoreSource.Espn, [final with { HomeScore = 73 }], Observed.AddSeconds(40));

        Assert.AreEqual(1, ended.Updated, "ended.Updated");
        Assert.AreEqual(0, ended.StaleIgnored, "ended.StaleIgnored");
        Assert.AreEqual((short?)72, corrected.Corrections.Single().OldHomeScore, "corrected.Corrections.Single().OldHomeScore");
        Assert.AreEqual((short?)73, corrected.Corrections.Single().NewHomeScore, "corrected.Corrections.Single().NewHomeScore");
        Assert.AreEqual("final", (await StoredAsync("g1")).State, "(await StoredAsync('g1')).State");
        Assert.AreEqual((short?)73, (await StoredAsync("g1")).Home, "(await StoredAsync('g1')).Home");
    }

    [TestMethod]
    public async Task A_postponed_game_keeps_its_original_start_time_and_date()
    {
        var scheduled = GameBuilder.Scheduled("g1", duke, unc, Day);
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [scheduled], Observed);

        var result = await database.UpsertGamesAsync(1, ScoreSource.Espn, [scheduled with { State = GameState.Postponed, StartTime = null, GameDate = Day.AddDays(1) }], Observed.AddHours(1));

        var game = await database.Games.FindByIdAsync(result.ChangedGameIds.Single());
        Assert.AreEqual(GameState.Postponed, game!.State);
        Assert.AreEqual(scheduled.StartTime!.Value.UtcDateTime, game.StartTime);
        Assert.AreEqual(Day, game.GameDate);
    }

    [TestMethod]
    public async Task The_pre_game_line_is_stored_and_kept_when_a_later_payload_drops_it()
    {
        var scheduled = GameBuilder.Scheduled("g1", duke, unc, Day) with { HomeSpread = -3.5m, OverUnder = 152.5m };
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [scheduled], Observed);

        // ESPN stops sending odds once a game tips off; the line Pulse judges upsets by must survive that.
        var live = scheduled with { State = GameState.Live, Period = 1, Clock = "19:40", HomeScore = 0, AwayScore = 2, HomeSpread = null, OverUnder = null };
        var result = await database.UpsertGamesAsync(1, ScoreSource.Espn, [live], Observed.AddHours(1));

        var game = await database.Games.FindByIdAsync(result.ChangedGameIds.Single());
        Assert.AreEqual(GameState.Live, game!.State, "game!.State");
        Assert.AreEqual(-3.5m, game.HomeSpread, "game.HomeSpread");
        Assert.AreEqual(152.5m, game.OverUnder, "game.OverUnder");

        // Re-sending the same payload without odds is not a change.
        var again = await database.UpsertGamesAsync(1, ScoreSource.Espn, [live], Observed.AddHours(2));
        Assert.AreEqual(1, again.Unchanged);

        // A moved line is a change and is stored.
        var moved = await database.UpsertGamesAsync(1, ScoreSource.Espn, [live with { HomeSpread = 1.5m }], Observed.AddHours(3));
        Assert.AreEqual(1, moved.Updated);
        Assert.AreEqual(1.5m, (await database.Games.FindByIdAsync(game.Id))!.HomeSpread);
    }

    [TestMethod]
    public async Task The_same_external_id_from_different_sources_is_two_games_and_ncaa_ids_are_their_own_key()
    {
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [GameBuilder.Scheduled("100", duke, unc, Day)], Observed);
        var ncaa = await database.UpsertGamesAsync(1, ScoreSource.Ncaa, [GameBuilder.Scheduled("100", kansas, baylor, Day)], Observed);

        Assert.AreEqual(1, ncaa.Inserted);
        Assert.AreEqual(2L, await database.ScalarAsync<long>("SELECT count(*) FROM games"));
    }

    [TestMethod]
    public async Task The_scoreboard_of_a_date_lists_that_leagues_games_in_start_order_with_both_teams()
    {
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [
            GameBuilder.Scheduled("late", duke, unc, Day, hourUtc: 23) with { HomeRank = 3, AwayRecord = "15-6" },
            GameBuilder.Scheduled("early", kansas, baylor, Day, hourUtc: 17),
            GameBuilder.Scheduled("next-day", duke, kansas, Day.AddDays(1)),
        ], Observed);

        var scoreboard = await database.Games.GetScoreboardAsync(1, Day);

        string[] expected = ["kansas", "duke"];
        CollectionAssert.AreEqual(expected, scoreboard.Select(g => g.Home.Slug).ToArray());
        var late = scoreboard[1];
        Assert.AreEqual("duke", late.Home.Slug, "late.Home.Slug");
        Assert.AreEqual("north-carolina", late.Away.Slug, "late.Away.Slug");
        Assert.AreEqual(3, late.Home.Rank, "late.Home.Rank");
        Assert.AreEqual("15-6", late.Away.Record, "late.Away.Record");
        Assert.AreEqual("mens-college-basketball", late.LeagueSlug);
        Assert.IsEmpty(await database.Games.GetScoreboardAsync(2, Day), "the women's scoreboard is separate");
    }

    [TestMethod]
    public async Task The_home_page_query_returns_every_leagues_games_of_the_date()
    {
        var wDuke = await database.ScalarAsync<int>("SELECT id FROM teams WHERE league_id = 2 AND slug = 'duke'");
        var wUnc = await database.ScalarAsync<int>("SELECT id FROM teams WHERE league_id = 2 AND slug = 'north-carolina'");
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [GameBuilder.Scheduled("m", duke, unc, Day)], Observed);
        await database.UpsertGamesAsync(2, ScoreSource.Espn, [GameBuilder.Scheduled("w", wDuke, wUnc, Day)], Observed);

        var games = await database.Games.GetAllLeaguesOnDateAsync(Day);

        CollectionAssert.AreEqual(new short[] { 1, 2 }, games.Select(g => g.LeagueId).ToArray());
    }

    [TestMethod]
    public async Task A_teams_season_lists_home_and_away_games_of_that_season_only()
    {
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [
            GameBuilder.Scheduled("home", duke, unc, Day),
            GameBuilder.Scheduled("away", kansas, duke, Day.AddDays(3)),
            GameBuilder.Scheduled("other", kansas, baylor, Day),
            GameBuilder.Scheduled("last-season", duke, baylor, new DateOnly(2024, 1, 10)),
        ], Observed);

        var season = await database.Games.GetTeamSeasonAsync(duke, 2025);

        string[] expected = ["home", "away"];
        CollectionAssert.AreEqual(expected, season.Select(g => g.Home.Slug == "duke" ? "home" : "away").ToArray());
    }

    [TestMethod]
    public async Task Adjacent_dates_skip_days_without_games()
    {
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [
            GameBuilder.Scheduled("a", duke, unc, Day.AddDays(-5)),
            GameBuilder.Scheduled("b", duke, unc, Day),
            GameBuilder.Scheduled("c", duke, unc, Day.AddDays(9)),
        ], Observed);

        Assert.AreEqual(new AdjacentDates(Day.AddDays(-5), Day.AddDays(9)), await database.Games.GetAdjacentDatesAsync(1, Day));
        Assert.AreEqual(new AdjacentDates(null, Day), await database.Games.GetAdjacentDatesAsync(1, Day.AddDays(-5)));
        Assert.AreEqual(new AdjacentDates(null, null), await database.Games.GetAdjacentDatesAsync(2, Day));
    }

    [TestMethod]
    public async Task Unknown_ids_find_nothing()
    {
        Assert.IsNull(await database.Games.FindByIdAsync(987654321));
        Assert.IsEmpty(await database.Games.GetSnapshotsAsync(987654321));
    }

    [TestMethod]
    public async Task Scoreboard_and_season_queries_use_indexes_not_a_sequential_scan_of_games()
    {
        // A few thousand games over a season, as production has.
        var teams = (await database.QueryAsync<int>("SELECT id FROM teams WHERE league_id = 1 ORDER BY id LIMIT 100")).ToList();
        var games = Enumerable.Range(0, 4000).Select(i => GameBuilder.Scheduled($"bulk-{i}", teams[i % 100], teams[(i + 1 + (i / 100)) % 100 == i % 100 ? (i + 2) % 100 : (i + 1 + (i / 100)) % 100], new DateOnly(2024, 11, 4).AddDays(i % 150))).ToList();
        await database.UpsertGamesAsync(1, ScoreSource.Espn, games, Observed);
        await database.ExecuteAsync("ANALYZE games");

        foreach (var (name, sql) in new[]
        {
            ("scoreboard", "SELECT * FROM games WHERE league_id = 1 AND game_date = DATE '2025-01-10' ORDER BY start_time"),
            ("adjacent", "SELECT max(game_date) FROM games WHERE league_id = 1 AND game_date < DATE '2025-01-10'"),
            ("team season", $"SELECT id FROM games WHERE home_team_id = {teams[5]} UNION SELECT id FROM games WHERE away_team_id = {teams[5]}"),
        })
        {
            var plan = string.Join("\n", await database.QueryAsync<string>("EXPLAIN " + sql));
            Assert.DoesNotContain("Seq Scan on games", plan, $"{name} plan:\n{plan}");
        }
    }
}
