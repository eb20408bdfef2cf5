using GamePulse.Data.Games;
using GamePulse.Data.Pulse;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data.Pulse;

/// <summary>
/// The play-by-play worked example of docs/pulse.md ("Game flow from plays"): the same final two minutes read from
/// two polls and from the plays. Both flows and both scores are computed here and the page must carry the exact rows.
/// </summary>
[TestClass]
public sealed class PlayFlowTests
{
    private static readonly FlowPoint Now = new(2, "0:20", 64, 63);

    // Two polls 1:40 apart: tied at 2:00, Duke up one at 0:20.
    private static readonly FlowPoint[] Snapshots = [new(2, "2:00", 60, 60)];

    // Every play that changed the score in between: UNC scores, Duke ties, a UNC free throw, Duke's winner.
    private static readonly FlowPoint[] Plays =
    [
        new(2, "2:00", 60, 60),
        new(2, "1:40", 60, 62),
        new(2, "1:15", 62, 62),
        new(2, "0:55", 62, 63),
        new(2, "0:20", 64, 63),
    ];

    private static PulseScore Score(GameFlow flow) => PulseCalculator.Compute(new PulseInput
    {
        LeagueId = 1,
        State = GameState.Live,
        Period = 2,
        Clock = "0:20",
        HomeScore = 64,
        AwayScore = 63,
        HomeName = "Duke",
        AwayName = "UNC",
        Flow = flow,
    });

    private static string Row(string source, GameFlow flow, PulseScore pulse) =>
        $"| {source} | {flow.LeadChanges} | {flow.Ties} | {(flow.LeadChangeInFinalMinute ? "yes" : "no")} | {flow.RunBy} {flow.RunPoints} | **{pulse.Score}** | {string.Join("; ", pulse.Factors.Select(f => $"{f.Text} (+{f.Points})"))} |";

    [TestMethod]
    public void Plays_are_read_when_there_are_any_and_snapshots_otherwise_and_the_current_state_ends_both()
    {
        var fromPlays = PlayFlow.Points(Plays, Snapshots, Now).ToList();
        var fromSnapshots = PlayFlow.Points([], Snapshots, Now).ToList();

        CollectionAssert.AreEqual(Plays.Append(Now).ToList(), fromPlays, "with plays: the plays, then the current state");
        CollectionAssert.AreEqual(Snapshots.Append(Now).ToList(), fromSnapshots, "without plays: the snapshots, then the current state");
    }

    [TestMethod]
    public void The_worked_example_reads_what_docs_pulse_md_says_from_snapshots_and_from_plays()
    {
        var format = GameFormat.Mens;
        var polled = GameFlow.From(PlayFlow.Points([], Snapshots, Now), format);
        var exact = GameFlow.From(PlayFlow.Points(Plays, Snapshots, Now), format);
        var polledPulse = Score(polled);
        var exactPulse = Score(exact);

        Assert.AreEqual(new GameFlow(0, 0, 0, 1, RunSide.None, 0, false), polled, "two polls see no lead change, no tie, no run");
        Assert.AreEqual(new GameFlow(1, 1, 2, 1, RunSide.Home, 2, true), exact, "the plays see UNC lead, the tie and Duke's lead change at 0:20");
        Assert.AreEqual(60, polledPulse.Score, "Pulse from the snapshots");
        Assert.AreEqual(72, exactPulse.Score, "Pulse from the plays");
        var page = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "pulse.md"));
        foreach (var row in new[] { Row("snapshots", polled, polledPulse), Row("plays", exact, exactPulse) })
        {
            Assert.IsTrue(page.Contains(row), $"docs/pulse.md must carry this row exactly: {row}");
        }
    }
}
