using GamePulse.Tests.Support;

namespace GamePulse.Tests.Worker.Ingestion.Summaries;

/// <summary>
/// Pulse after a summary: the game's flow comes from its stored plays (exact) instead of its snapshots (lower bounds),
/// the game is rescored as soon as the plays are stored, <c>pulse recompute</c> gives the same score, and a summary
/// that repeats the stored one rescores nothing.
/// </summary>
[TestClass]
public sealed class SummaryPulseTests
{
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

    private sealed record Scored(int? Score, string? Factors);

    private static async Task<Scored> PulseAsync(string espnId) => (await database.QueryAsync<Scored>(
        "SELECT pulse_score::integer AS score, array_to_string(pulse_factors, '; ') AS factors FROM games WHERE espn_id = @espnId", new { espnId })).Single();

    private static string Row(string game, string source, Scored pulse) => $"| {game} | {source} | **{pulse.Score}** | {pulse.Factors} |";

    [TestMethod]
    [DataRow("espn/scoreboard-2026-03-03-groups50-final.json", "espn/summary-401808279-final-ot.json", "401808279", "Vanderbilt 89–86 Ole Miss, OT")]
    [DataRow("espn/scoreboard-2026-03-04-groups50-live.json", "espn/summary-401851238-conf-tourney-final.json", "401851238", "Jacksonville 79–82 Bellarmine")]
    [DataRow("espn/scoreboard-2026-03-04-groups50-live.json", "espn/summary-401851239-live-halftime.json", "401851239", "North Alabama 27–29 FGCU, halftime")]
    public async Task A_summary_rescores_its_game_from_the_plays_as_docs_pulse_md_says(string scoreboard, string summary, string espnId, string game)
    {
        await harness.Scoreboards.FileAsync(scoreboard);
        var fromSnapshots = await PulseAsync(espnId);
        var history = await database.ScalarAsync<long>("SELECT count(*) FROM pulse_history");

        await harness.StoreAsync(summary);

        var fromPlays = await PulseAsync(espnId);
        Assert.AreNotEqual(fromSnapshots, fromPlays, $"{summary}: the plays change the flow Pulse reads");
        Assert.AreEqual(history + 1, await database.ScalarAsync<long>("SELECT count(*) FROM pulse_history"), $"{summary}: one Pulse history point for the new score");
        var page = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "pulse.md"));
        foreach (var row in new[] { Row(game, "snapshots", fromSnapshots), Row(game, "plays", fromPlays) })
        {
            Assert.IsTrue(page.Contains(row), $"docs/pulse.md must carry this row exactly: {row}");
        }
    }

    [TestMethod]
    public async Task Pulse_recompute_gives_the_score_the_summary_stored_and_a_scoreboard_after_the_summary_keeps_reading_the_plays()
    {
        await harness.Scoreboards.FileAsync("espn/scoreboard-2026-03-03-groups50-final.json");
        await harness.StoreAsync("espn/summary-401808279-final-ot.json");
        var stored = await PulseAsync("401808279");
        await database.ExecuteAsync("UPDATE games SET pulse_score = NULL, pulse_factors = NULL");

        var (code, output, _) = await Hosting.WorkerCommandLineTests.RunAsync("pulse", "recompute", "--from", "2026-03-03", "--to", "2026-03-03", $"--ConnectionStrings:GamePulse={database.ConnectionString}");

        Assert.AreEqual(0, code, $"pulse recompute exit code: {output}");
        Assert.AreEqual(stored, await PulseAsync("401808279"), "Pulse after pulse recompute equals Pulse after the summary");
        StringAssert.Contains(stored.Factors, "7 lead changes", "the stored factors count the plays' lead changes");
        // A stale status line makes the scoreboard write the row again, and so rescore the game.
        await database.ExecuteAsync("UPDATE games SET detail = 'stale', pulse_score = NULL WHERE espn_id = '401808279'");
        var rerun = await harness.Scoreboards.FileAsync("espn/scoreboard-2026-03-03-groups50-final.json");
        Assert.IsGreaterThan(0, rerun.GamesUpdated, "the scoreboard rewrote the stale row");
        Assert.AreEqual(stored, await PulseAsync("401808279"), "the scoreboard pipeline's rescoring reads the same plays");
    }
}
