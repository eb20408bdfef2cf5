using System.Text;
using System.Text.Json.Nodes;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion;

namespace GamePulse.Tests.Worker.Ingestion.Summaries;

[TestClass]
public sealed class SummaryIngesterTests
{
    private const string OvertimeSummary = "espn/summary-401808279-final-ot.json";
    private const string OvertimeScoreboard = "espn/scoreboard-2026-03-03-groups50-final.json";
    private static TestDatabase database = null!;
    private SummaryHarness harness = null!;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestInitialize]
    public async Task Reset()
    {
        await database.ExecuteAsync("TRUNCATE games, ingest_runs CASCADE; DELETE FROM teams WHERE origin = 'feed'");
        harness = new SummaryHarness(database);
    }

    private sealed record StoredGame(string State, short? Period, string? Clock, string? Detail, short? HomeScore, short? AwayScore, string? HomeLines, string? AwayLines, string? Notes, string? Broadcast, short? PulseScore, string? Factors);

    private static async Task<StoredGame> GameAsync(string espnId) => (await database.QueryAsync<StoredGame>("""
        SELECT state, period, clock, detail, home_score, away_score, home_line_scores::text AS home_lines, away_line_scores::text AS away_lines,
               notes, broadcast, pulse_score, array_to_string(pulse_factors, '; ') AS factors
        FROM games WHERE espn_id = @espnId
        """, new { espnId })).Single();

    [TestMethod]
    [DataRow(OvertimeScoreboard, OvertimeSummary, "401808279")]
    [DataRow("espn/scoreboard-2026-03-04-groups50-live.json", "espn/summary-401851238-conf-tourney-final.json", "401851238")]
    [DataRow("espn/scoreboard-2026-03-04-groups50-live.json", "espn/summary-401851239-live-halftime.json", "401851239")]
    public async Task A_summary_after_its_scoreboard_writes_no_game_row_and_no_snapshot_and_keeps_every_stored_value(string scoreboard, string summary, string espnId)
    {
        await harness.Scoreboards.FileAsync(scoreboard);
        var before = await GameAsync(espnId);
        // Pulse is rescored from the new plays (SummaryPulseTests); every other game and every other value stays.
        const string OtherVersions = "SELECT string_agg(id || ':' || xmin::text, ',' ORDER BY id) FROM games WHERE espn_id <> @espnId";
        var versions = await database.ScalarAsync<string>(OtherVersions, new { espnId });
        var snapshots = await database.ScalarAsync<long>("SELECT count(*) FROM game_snapshots");

        var stored = await harness.StoreAsync(summary);

        Assert.AreEqual(0, stored.Game.Inserted + stored.Game.Updated, $"{summary}: the game row is not written by the upsert");
        Assert.AreEqual(0, stored.Game.SnapshotRows, $"{summary}: no snapshot");
        Assert.AreEqual(versions, await database.ScalarAsync<string>(OtherVersions, new { espnId }), $"{summary}: no other game row got a new version");
        Assert.AreEqual(snapshots, await database.ScalarAsync<long>("SELECT count(*) FROM game_snapshots"), $"{summary}: snapshot count");
        Assert.AreEqual(before with { PulseScore = null, Factors = null }, await GameAsync(espnId) with { PulseScore = null, Factors = null }, $"{summary}: every stored value but Pulse");
        Assert.IsTrue(stored.Detail.Changed, $"{summary}: the detail is stored");
    }

    [TestMethod]
    public async Task The_overtime_final_keeps_its_period_and_its_overtime_Pulse_factor_after_its_summary()
    {
        await harness.Scoreboards.FileAsync(OvertimeScoreboard);
        var before = await GameAsync("401808279");
        Assert.AreEqual((short?)3, before.Period, "the scoreboard stores the overtime as period 3");
        StringAssert.Contains(before.Factors, "Overtime", "the scoreboard's Pulse names the overtime");

        await harness.StoreAsync(OvertimeSummary);
        // The same through the scoreboard pipeline, which a saved summary used to take.
        var viaScoreboardPath = await harness.Scoreboards.FileAsync(OvertimeSummary);

        var after = await GameAsync("401808279");
        Assert.AreEqual((short?)3, after.Period, "period after the summary");
        Assert.AreEqual(75, await database.ScalarAsync<int>("SELECT pulse_score FROM games WHERE espn_id = '401808279'"), "Pulse after the summary: 48 from the one snapshot, 75 from the plays (docs/pulse.md)");
        StringAssert.Contains(after.Factors, "Overtime", "Pulse factors after the summary");
        Assert.AreEqual(0, viaScoreboardPath.GamesUpdated, "updated through the scoreboard path");
        Assert.AreEqual(0, viaScoreboardPath.GamesInserted, "inserted through the scoreboard path");
        Assert.AreEqual(0, viaScoreboardPath.SnapshotRows, "snapshots through the scoreboard path");
    }

    [TestMethod]
    [DataRow(OvertimeSummary)]
    [DataRow("espn/summary-401851238-conf-tourney-final.json")]
    [DataRow("espn/summary-401851239-live-halftime.json")]
    [DataRow("espn/summary-401828387.json")]
    [DataRow("espn/summary-401820689-pre.json")]
    public async Task Re_storing_an_unchanged_summary_writes_zero_rows(string summary)
    {
        var first = await harness.StoreAsync(summary);
        var versions = await harness.VersionsAsync();

        var again = await harness.StoreAsync(summary);

        Assert.AreEqual(1, first.Game.Inserted, $"{summary}: a summary of a game not stored yet inserts it");
        Assert.AreEqual(0, again.RowsWritten, $"{summary}: rows written the second time");
        Assert.IsFalse(again.Changed, $"{summary}: reported unchanged");
        Assert.AreEqual(versions, await harness.VersionsAsync(), $"{summary}: row versions of every game and detail table");
    }

    [TestMethod]
    public async Task The_overtime_summary_stores_both_box_scores_every_player_every_play_with_win_probability_and_the_leaders()
    {
        var stored = await harness.StoreAsync(OvertimeSummary);

        Assert.AreEqual(2, stored.Detail.TeamRows, "team lines");
        Assert.AreEqual(32, stored.Detail.PlayerRows, "player lines");
        Assert.AreEqual(581, stored.Detail.PlayRows, "plays");
        Assert.AreEqual(6, stored.Detail.LeaderRows, "leaders: points, rebounds, assists of each team");
        Assert.AreEqual(580L, await database.ScalarAsync<long>("SELECT count(home_win_pct) FROM game_plays"), "plays with a win probability");
        Assert.AreEqual(13L, await database.ScalarAsync<long>("SELECT count(*) FROM game_player_stats WHERE did_not_play"), "players who did not play");
        Assert.AreEqual(10L, await database.ScalarAsync<long>("SELECT count(*) FROM game_player_stats WHERE starter"), "starters");
        var vanderbilt = await database.ScalarAsync<string>("SELECT concat_ws(' ', points, fgm, fga, tpm, tpa, ftm, fta, reb, oreb, dreb, ast, tov) FROM game_team_stats WHERE side = 'away'");
        Assert.AreEqual("89 29 75 9 32 22 30 44 22 22 17 9", vanderbilt, "Vanderbilt's totals as the feed prints them (points FG 3PT FT REB OREB DREB AST TO)");
        var okereke = await database.ScalarAsync<string>("SELECT concat_ws(' ', side, minutes, points, fgm, fga, tpm, tpa, ftm, fta, reb, ast, tov, stl, blk, oreb, dreb, pf, starter) FROM game_player_stats WHERE athlete_id = '5114350'");
        Assert.AreEqual("away 35 16 5 11 2 5 4 6 5 5 1 1 1 3 2 5 t", okereke, "AK Okereke's line by column");
        var last = await database.ScalarAsync<string>("SELECT concat_ws(' ', period, away_score, home_score, type_text) FROM game_plays ORDER BY ordinal DESC LIMIT 1");
        Assert.AreEqual("3 89 86 End Game", last, "the last play ends the overtime at 89-86");
        var card = await database.ScalarAsync<string>("SELECT leader_text FROM game_details");
        StringAssert.EndsWith(card, " pts", "the card's leader line");
    }

    [TestMethod]
    public async Task A_corrected_play_replaces_its_row_a_new_one_is_appended_and_a_withdrawn_one_is_removed_and_nothing_else_is_written()
    {
        var original = JsonNode.Parse(SummaryHarness.Fixture(OvertimeSummary))!;
        await harness.StoreAsync(Bytes(original));
        var plays = original["plays"]!.AsArray();
        var correctedId = plays[10]!["id"]!.GetValue<string>();
        // Third from the end: the two plays after it move up one place in the game's order.
        var withdrawnId = plays[578]!["id"]!.GetValue<string>();
        plays[10]!["text"] = "Corrected text";
        plays.RemoveAt(578);
        var added = plays[^1]!.DeepClone();
        added["id"] = "401808279999999999";
        added["sequenceNumber"] = "999999999";
        plays.Add(added);

        var stored = await harness.StoreAsync(Bytes(original));

        Assert.AreEqual(4, stored.Detail.PlayRows, "the corrected play, the new one and the two after the withdrawn one (their place in the order moved)");
        Assert.AreEqual(1, stored.Detail.PlaysRemoved, "the withdrawn play is removed");
        Assert.AreEqual("Corrected text", await database.ScalarAsync<string>("SELECT text FROM game_plays WHERE play_id = @correctedId", new { correctedId }), "corrected text");
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM game_plays WHERE play_id = @withdrawnId", new { withdrawnId }), "withdrawn play");
        Assert.AreEqual(581L, await database.ScalarAsync<long>("SELECT count(*) FROM game_plays"), "plays stored");
    }

    [TestMethod]
    public async Task A_summary_without_plays_or_box_score_keeps_what_is_stored()
    {
        await harness.StoreAsync(OvertimeSummary);
        var versions = await harness.VersionsAsync();
        var thin = JsonNode.Parse(SummaryHarness.Fixture(OvertimeSummary))!.AsObject();
        thin.Remove("plays");
        thin.Remove("boxscore");
        thin.Remove("winprobability");

        var stored = await harness.StoreAsync(Bytes(thin));

        Assert.AreEqual(0, stored.RowsWritten, "rows written by a summary that lacks sections");
        Assert.AreEqual(versions, await harness.VersionsAsync(), "row versions");
        Assert.AreEqual(581L, await database.ScalarAsync<long>("SELECT count(*) FROM game_plays"), "plays kept");
    }

    [TestMethod]
    public async Task A_saved_summary_replayed_as_a_file_is_one_ingest_run_and_a_broken_one_a_failed_run()
    {
        var report = await harness.Ingester.IngestSavedAsync(Leagues.Mens, SummaryHarness.Fixture(OvertimeSummary), CancellationToken.None);
        var broken = await harness.Ingester.IngestSavedAsync(Leagues.Mens, SummaryHarness.Fixture(OvertimeSummary)[..5000], CancellationToken.None);

        Assert.AreEqual(IngestOutcome.Succeeded, report.Outcome, "outcome, seen, inserted of the summary: report.Outcome");
        Assert.AreEqual(1, report.GamesSeen, "outcome, seen, inserted of the summary: report.GamesSeen");
        Assert.AreEqual(1, report.GamesInserted, "outcome, seen, inserted of the summary: report.GamesInserted");
        Assert.AreEqual(IngestOutcome.Failed, broken.Outcome, "a truncated summary fails");
        StringAssert.Contains(broken.Error, "not valid JSON", "the failure names the cause");
        var runs = await database.QueryAsync<string>("SELECT job || ' ' || outcome FROM ingest_runs ORDER BY id");
        string[] expected1 = ["file succeeded", "file failed"];
        CollectionAssert.AreEqual(expected1, runs.ToArray(), "ingest_runs rows");
    }

    [TestMethod]
    public async Task A_live_summary_ahead_of_the_scoreboard_moves_the_game_forward_and_a_stale_one_is_ignored()
    {
        await harness.Scoreboards.FileAsync("espn/scoreboard-2026-03-04-groups50-live.json");
        var live = JsonNode.Parse(SummaryHarness.Fixture("espn/summary-401851239-live-halftime.json"))!;
        var status = live["header"]!["competitions"]![0]!["status"]!;
        status["type"]!["name"] = "STATUS_IN_PROGRESS";
        status["type"]!["detail"] = "15:00 - 2nd Half";
        status["period"] = 2;
        status["displayClock"] = "15:00";
        var ahead = await harness.StoreAsync(Bytes(live));
        Assert.AreEqual(1, ahead.Game.Updated, "updated, snapshots: ahead.Game.Updated");
        Assert.AreEqual(1, ahead.Game.SnapshotRows, "updated, snapshots: ahead.Game.SnapshotRows");
        Assert.AreEqual(("live", (short?)2, "15:00"), await database.ScalarAsync<string>("SELECT state FROM games WHERE espn_id = '401851239'") is var state
            ? (state, (await GameAsync("401851239")).Period, (await GameAsync("401851239")).Clock) : default, "the game moved to the second half");

        var stale = await harness.StoreAsync("espn/summary-401851239-live-halftime.json");

        Assert.AreEqual(0, stale.Game.Updated + stale.Game.SnapshotRows, "the halftime summary is behind the stored second half");
        Assert.AreEqual(GameState.Live, (await GameAsync("401851239")).State, "state after the stale summary");
    }

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
