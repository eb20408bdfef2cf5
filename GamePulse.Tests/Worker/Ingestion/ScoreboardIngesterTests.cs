using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion;
using Npgsql;

namespace GamePulse.Tests.Worker.Ingestion;

[TestClass]
public sealed class ScoreboardIngesterTests
{
    private const string Early = "espn/scoreboard-2025-02-04-mixed-early.json";
    private const string Later = "espn/scoreboard-2025-02-04-mixed.json";
    private static TestDatabase database = null!;
    private IngestHarness harness = null!;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestInitialize]
    public async Task Reset()
    {
        await database.ExecuteAsync("TRUNCATE games, ingest_runs CASCADE; DELETE FROM teams WHERE origin = 'feed'");
        harness = IngestHarness.Create(database);
    }

    private static Task<string> Versions() =>
        database.ScalarAsync<string>("SELECT coalesce(string_agg(id || ':' || xmin::text, ',' ORDER BY id), '') FROM games");

    [TestMethod]
    public async Task The_early_then_the_later_snapshot_of_a_day_moves_games_forward_with_one_snapshot_per_visible_change()
    {
        var first = await harness.FileAsync(Early);
        var second = await harness.FileAsync(Later);

        Assert.AreEqual(IngestOutcome.Succeeded, first.Outcome, "first.Outcome");
        Assert.AreEqual(10, first.GamesSeen, "first.GamesSeen");
        Assert.AreEqual(10, first.GamesInserted, "first.GamesInserted");
        Assert.AreEqual(0, first.GamesUpdated, "first.GamesUpdated");
        Assert.AreEqual(10, first.SnapshotRows);
        Assert.AreEqual(0, second.GamesInserted, "4 live games moved on and 1 tipped off; 5 are still scheduled: second.GamesInserted");
        Assert.AreEqual(5, second.GamesUpdated, "4 live games moved on and 1 tipped off; 5 are still scheduled: second.GamesUpdated");
        Assert.AreEqual(5, second.GamesUnchanged, "4 live games moved on and 1 tipped off; 5 are still scheduled: second.GamesUnchanged");
        Assert.AreEqual(5, second.SnapshotRows, "4 live games moved on and 1 tipped off; 5 are still scheduled: second.SnapshotRows");
        var stJohns = (await database.QueryAsync<(string State, short? Period, string? Clock, short? Home, short? Away)>(
            "SELECT state, period, clock, home_score, away_score FROM games WHERE espn_id = '401719131'")).Single();
        Assert.AreEqual(GameState.Live, stJohns.State, "stJohns.State");
        Assert.AreEqual((short?)2, stJohns.Period, "stJohns.Period");
        Assert.AreEqual("5:09", stJohns.Clock, "stJohns.Clock");
        Assert.AreEqual((short?)54, stJohns.Home, "stJohns.Home");
        var history = await database.QueryAsync<(string State, string? Clock, short? Home)>(
            "SELECT s.state, s.clock, s.home_score FROM game_snapshots s JOIN games g ON g.id = s.game_id WHERE g.espn_id = '401719131' ORDER BY s.id");
        CollectionAssert.AreEqual(new (string, string?, short?)[] { ("live", "1:17", 30), ("live", "5:09", 54) }, history.Select(h => (h.State, h.Clock, h.Home)).ToArray());
        var started = await database.ScalarAsync<long>("SELECT count(*) FROM games WHERE state = 'live'");
        Assert.AreEqual(5L, started, "the later snapshot has 5 games in progress");
    }

    [TestMethod]
    public async Task Replaying_either_snapshot_again_writes_no_row()
    {
        foreach (var fixture in new[] { Early, Later })
        {
            await harness.FileAsync(fixture);
            var versions = await Versions();
            var snapshots = await database.ScalarAsync<long>("SELECT count(*) FROM game_snapshots");

            var again = await harness.FileAsync(fixture);

            Assert.AreEqual(0, again.GamesInserted, $"{fixture}: again.GamesInserted");
            Assert.AreEqual(0, again.GamesUpdated, $"{fixture}: again.GamesUpdated");
            Assert.AreEqual(10, again.GamesUnchanged, $"{fixture}: again.GamesUnchanged");
            Assert.AreEqual(0, again.SnapshotRows, $"{fixture}: again.SnapshotRows");
            Assert.AreEqual(versions, await Versions(), $"no game row got a new version replaying {fixture}");
            Assert.AreEqual(snapshots, await database.ScalarAsync<long>("SELECT count(*) FROM game_snapshots"));
        }

        Assert.AreEqual(4L, await database.ScalarAsync<long>("SELECT count(*) FROM ingest_runs"), "every run is recorded, even one that changes nothing");
    }

    [TestMethod]
    public async Task A_run_is_recorded_and_logged_with_the_same_fields()
    {
        var report = await harness.FileAsync(Early);

        var run = (await harness.Database.RecentRunsAsync(1)).Single();
        Assert.AreEqual("file", run.Job, "run.Job");
        Assert.AreEqual((short)1, run.LeagueId, "run.LeagueId");
        Assert.AreEqual(new DateOnly(2025, 2, 4), run.GameDate!.Value, "run.GameDate!.Value");
        Assert.AreEqual("espn", run.Source, "run.Source");
        Assert.AreEqual(IngestOutcome.Succeeded, run.Outcome, "run.Outcome");
        Assert.AreEqual(10, run.GamesSeen, "run.GamesSeen");
        Assert.AreEqual(10, run.GamesInserted, "run.GamesInserted");
        Assert.AreEqual(0, run.GamesUpdated, "run.GamesUpdated");
        Assert.AreEqual(0, run.GamesUnchanged, "run.GamesUnchanged");
        Assert.AreEqual(10, run.SnapshotRows, "run.SnapshotRows");
        Assert.IsNull(run.HttpStatus);
        var logged = harness.Log.WithTemplateStarting("Ingest run").Single();
        foreach (var name in new[] { "Job", "League", "Date", "Source", "Outcome", "HttpStatus", "GamesSeen", "Inserted", "Updated", "Unchanged", "SnapshotRows", "DurationMs", "Error" })
        {
            Assert.IsTrue(logged.Properties.ContainsKey(name), $"summary event lacks {name}");
        }

        Assert.AreEqual("file", logged.Properties["Job"], "logged.Properties['Job']");
        Assert.AreEqual("mens-college-basketball", logged.Properties["League"], "logged.Properties['League']");
        Assert.AreEqual("2025-02-04", logged.Properties["Date"], "logged.Properties['Date']");
        Assert.AreEqual("espn", logged.Properties["Source"], "logged.Properties['Source']");
        Assert.AreEqual("succeeded", logged.Properties["Outcome"], "logged.Properties['Outcome']");
        Assert.AreEqual(10, logged.Properties["GamesSeen"], "logged.Properties['GamesSeen']");
        Assert.AreEqual(report.DurationMs, logged.Properties["DurationMs"]);
    }

    [TestMethod]
    public async Task Listeners_hear_the_league_and_date_after_the_data_is_committed()
    {
        var heard = await HeardWhileIngestingAsync(Early);

        string[] expected = ["mens-college-basketball:2025-02-04"];
        CollectionAssert.AreEqual(expected, heard);
    }

    [TestMethod]
    [DataRow("ar-SA")]
    [DataRow("fa-IR")]
    [DataRow("th-TH")]
    public async Task A_Worker_running_under_a_culture_with_another_calendar_still_names_the_Gregorian_date(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        Assert.IsNotInstanceOfType<GregorianCalendar>(culture.Calendar, $"precondition: {name} formats dates in another calendar");
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        List<string> heard;
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
            heard = await HeardWhileIngestingAsync(Early);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }

        CollectionAssert.AreEqual(new[] { GameChanges.Tag(Leagues.Mens.Slug, new DateOnly(2025, 2, 4)) }, heard, $"the payload under {name} is the pages' cache tag");
        Assert.AreEqual("2025-02-04", (string)harness.Log.WithTemplateStarting("Ingest run").Single().Properties["Date"]!, $"the run's logged date under {name}");
    }

    private async Task<List<string>> HeardWhileIngestingAsync(string fixture)
    {
        await using var listener = await database.DataSource.OpenConnectionAsync();
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {GameChanges.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        await harness.FileAsync(fixture);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (heard.Count == 0)
        {
            await listener.WaitAsync(timeout.Token);
        }

        return heard;
    }

    [TestMethod]
    public async Task Both_NCAA_payloads_load_and_the_2021_postponed_games_keep_their_start_time()
    {
        var men = await harness.FileAsync("ncaa/scoreboard-men-2021-02-13-pre.json", Leagues.Mens, ScoreSource.Ncaa);
        var women = await harness.FileAsync("ncaa/scoreboard-women-2025-04-06-final.json", Leagues.Womens, ScoreSource.Ncaa);

        Assert.AreEqual(IngestOutcome.Succeeded, men.Outcome, "men.Outcome");
        Assert.AreEqual(131, men.GamesSeen, "men.GamesSeen");
        Assert.AreEqual(131, men.GamesInserted, "men.GamesInserted");
        Assert.AreEqual(IngestOutcome.Succeeded, women.Outcome, "women.Outcome");
        Assert.AreEqual(1, women.GamesInserted, "women.GamesInserted");
        Assert.AreEqual(7L, await database.ScalarAsync<long>("SELECT count(*) FROM games WHERE league_id = 1 AND state = 'postponed' AND start_time IS NOT NULL"));
        var final = (await database.QueryAsync<(string Home, short HomeScore, short AwayScore, short HomeSeed)>(
            "SELECT h.slug, g.home_score, g.away_score, g.home_seed FROM games g JOIN teams h ON h.id = g.home_team_id WHERE g.ncaa_id = '6384811' AND g.league_id = 2")).Single();
        Assert.AreEqual(("south-carolina", (short)59, (short)82, (short)1), final);
    }

    [TestMethod]
    public async Task An_unknown_team_is_created_from_the_payload_with_a_warning_never_dropped()
    {
        var json = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture(Early)))!;
        var team = json["events"]![0]!["competitions"]![0]!["competitors"]![1]!["team"]!;
        team["id"] = "990001";
        team["displayName"] = "Brand New Bobcats";
        team["color"] = "ABCDEF";
        team["logo"] = "https://example.test/bobcats.png";

        var report = await harness.BytesAsync(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.AreEqual(IngestOutcome.Succeeded, report.Outcome, "report.Outcome");
        Assert.AreEqual(10, report.GamesInserted, "report.GamesInserted");
        var created = (await database.QueryAsync<(string Slug, string Origin, string? Color, string? Logo)>(
            "SELECT slug, origin, primary_color, logo_url FROM teams WHERE league_id = 1 AND espn_id = '990001'")).Single();
        Assert.AreEqual(("brand-new-bobcats", "feed", "abcdef", "https://example.test/bobcats.png"), created);
        Assert.IsTrue(harness.Log.Events.Any(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("Brand New Bobcats", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task A_bad_game_is_skipped_and_counted_while_the_others_are_written()
    {
        var json = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture(Early)))!;
        json["events"]![2]!["competitions"]![0]!["status"]!["type"] = new JsonObject { ["name"] = "STATUS_FROM_THE_FUTURE", ["state"] = "??" };

        var report = await harness.BytesAsync(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.AreEqual(IngestOutcome.Partial, report.Outcome, "report.Outcome");
        Assert.AreEqual(10, report.GamesSeen, "report.GamesSeen");
        Assert.AreEqual(9, report.GamesInserted, "report.GamesInserted");
        Assert.AreEqual(1, report.GamesSkipped, "report.GamesSkipped");
        StringAssert.Contains(report.Error, "401721401");
        Assert.AreEqual(9L, await database.ScalarAsync<long>("SELECT count(*) FROM games"));
    }

    [TestMethod]
    [DataRow("truncated")]
    [DataRow("not json")]
    [DataRow("empty")]
    [DataRow("empty events")]
    [DataRow("every game unreadable")]
    public async Task A_payload_that_cannot_be_used_is_a_failed_run_and_the_stored_games_stay_untouched(string fault)
    {
        await harness.FileAsync(Later);
        var versions = await Versions();
        var full = File.ReadAllText(RepositoryPaths.Fixture(Early));
        var body = fault switch
        {
            "truncated" => full[..(full.Length / 2)],
            "not json" => "<html><body>502 Bad Gateway</body></html>",
            "empty" => "",
            "empty events" => """{"leagues":[{"slug":"mens-college-basketball"}],"day":{"date":"2025-02-04"},"events":[]}""",
            _ => full.Replace("\"competitors\"", "\"competitorz\"", StringComparison.Ordinal),
        };

        var report = await harness.BytesAsync(Encoding.UTF8.GetBytes(body));

        Assert.AreEqual(IngestOutcome.Failed, report.Outcome);
        Assert.IsFalse(string.IsNullOrWhiteSpace(report.Error));
        Assert.AreEqual(versions, await Versions());
        Assert.AreEqual(IngestOutcome.Failed, (await harness.Database.RecentRunsAsync(1)).Single().Outcome);
    }

    [TestMethod]
    public async Task A_stale_payload_never_takes_a_final_game_back_and_a_correction_after_final_is_logged()
    {
        await harness.FileAsync(Later);
        await database.ExecuteAsync("UPDATE games SET state = 'final', detail = 'Final', clock = NULL WHERE espn_id = '401719131'");

        await harness.FileAsync(Later);
        Assert.AreEqual("final", await database.ScalarAsync<string>("SELECT state FROM games WHERE espn_id = '401719131'"));

        var json = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture(Later)))!;
        var status = json["events"]![0]!["competitions"]![0]!["status"]!;
        status["type"] = new JsonObject { ["name"] = "STATUS_FINAL", ["state"] = "post", ["detail"] = "Final" };
        json["events"]![0]!["competitions"]![0]!["competitors"]![0]!["score"] = "56";
        await harness.BytesAsync(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.AreEqual((short)56, await database.ScalarAsync<short>("SELECT home_score FROM games WHERE espn_id = '401719131'"));
        Assert.IsTrue(harness.Log.Events.Any(e => e.Template.StartsWith("Score correction after final", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task The_early_snapshot_replayed_after_the_later_one_moves_no_game_back_and_is_counted_and_logged()
    {
        const string inProgress = "SELECT coalesce(string_agg(espn_id || ' ' || state || ' ' || period || ' ' || coalesce(clock, '-') || ' ' || home_score, ', ' ORDER BY espn_id), '') FROM games WHERE state <> 'scheduled'";
        await harness.FileAsync(Later);
        var before = await database.ScalarAsync<string>(inProgress);

        var stale = await harness.FileAsync(Early);

        Assert.AreEqual(before, await database.ScalarAsync<string>(inProgress), "every game in progress keeps its period, clock and score");
        Assert.IsTrue(
            harness.Log.Events.Any(e => e.Template.StartsWith("Ignored {StaleIgnored}", StringComparison.Ordinal) && Equals(e.Properties["StaleIgnored"], 5)),
            "4 live games shown earlier in play and 1 shown as not started yet are counted and logged");
    }
}
