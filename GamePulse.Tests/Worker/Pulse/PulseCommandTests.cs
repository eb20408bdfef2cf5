using GamePulse.Data.Games;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Worker.Pulse;

[TestClass]
public sealed class PulseCommandTests
{
    private static readonly DateOnly Day = new(2025, 2, 4);

    [TestMethod]
    public async Task Recompute_scores_games_stored_before_pulse_existed_within_the_dates_given()
    {
        await using var database = await TestDatabase.CreateAsync();
        var duke = await database.ScalarAsync<int>("SELECT id FROM teams WHERE league_id = 1 AND espn_id = '150'");
        var unc = await database.ScalarAsync<int>("SELECT id FROM teams WHERE league_id = 1 AND espn_id = '153'");
        var final = GameBuilder.Scheduled("g1", duke, unc, Day) with { State = GameState.Final, Period = 3, Clock = "0:00", HomeScore = 81, AwayScore = 80 };
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [final, GameBuilder.Scheduled("g2", unc, duke, Day.AddDays(3))], DateTimeOffset.UtcNow);

        var (code, output, _) = await RunAsync("pulse", "recompute", "--from", "2025-02-01", "--to", "2025-02-05", $"--ConnectionStrings:GamePulse={database.ConnectionString}");

        Assert.AreEqual(0, code);
        StringAssert.Contains(output, "Recomputed Pulse for 1 game(s): 1 changed, 1 history row(s) added.");
        var scores = await database.QueryAsync<(string EspnId, int? Score)>("SELECT espn_id, pulse_score FROM games ORDER BY espn_id");
        Assert.AreEqual(50, scores[0].Score, "an overtime one-point final: decided by 1 point (+38), overtime (+12)");
        Assert.IsNull(scores[1].Score, "outside the dates");

        var (again, againOutput, _) = await RunAsync("pulse", "recompute", $"--ConnectionStrings:GamePulse={database.ConnectionString}");
        Assert.AreEqual(0, again);
        StringAssert.Contains(againOutput, "Recomputed Pulse for 2 game(s): 1 changed, 1 history row(s) added.");
    }

    [TestMethod]
    [DataRow("pulse: Required command was not provided.", "pulse", "--from", "2025-02-01")]
    [DataRow("pulse recompute: --from '02/01/2025' is not a date (yyyy-MM-dd, today or yesterday)", "pulse", "recompute", "--from", "02/01/2025")]
    [DataRow("pulse recompute: Required argument missing for option: '--to'.", "pulse", "recompute", "--to")]
    [DataRow("pulse recompute: --from 2025-02-05 is after --to 2025-02-01", "pulse", "recompute", "--from", "2025-02-05", "--to", "2025-02-01")]
    [DataRow("pulse recompute: Unrecognized command or argument '--everything'.", "pulse", "recompute", "--everything")]
    public async Task Bad_arguments_exit_64_with_one_clear_line_and_where_the_usage_is(string reason, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.AreEqual(64, code, "EX_USAGE");
        StringAssert.Contains(error, reason, "the reason is on stderr");
        StringAssert.Contains(error, "--help' for its usage.", "and where to read the usage");
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => Hosting.WorkerCommandLineTests.RunAsync(args);
}
