using GamePulse.Data.Games;
using GamePulse.Data.Pulse;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data.Pulse;

/// <summary>
/// The worked examples of docs/pulse.md, computed here: each example's score is pinned, and the page must contain the
/// exact table row this code produces, so neither the formula nor the page can change without the other.
/// </summary>
[TestClass]
public sealed class PulseWorkedExamplesTests
{
    private static readonly PulseInput Base = new() { LeagueId = 1, State = GameState.Live, HomeName = "Duke", AwayName = "UNC" };

    public static IEnumerable<object[]> Examples =>
    [
        ["A", "Live, 2nd half 0:45, Duke 70–70 UNC, 3 lead changes, tied 2 times, conference game", 75,
            Base with { Period = 2, Clock = "0:45", HomeScore = 70, AwayScore = 70, ConferenceGame = true, Flow = GameFlow.None with { LeadChanges = 3, Ties = 2 } }],
        ["B", "Halftime, Duke 45–25 UNC, conference game", 2,
            Base with { State = GameState.Halftime, Period = 1, Clock = "0:00", HomeScore = 45, AwayScore = 25, ConferenceGame = true }],
        ["C", "Live, 2nd half 8:00, No. 5 Duke 55–60 No. 12 UNC, 1 lead change", 48,
            Base with { Period = 2, Clock = "8:00", HomeScore = 55, AwayScore = 60, HomeRank = 5, AwayRank = 12, Flow = GameFlow.None with { LeadChanges = 1 } }],
        ["D", "Live, 1st half 6:00, Duke 30–22 UNC, Duke on a 12–0 run after trailing by 4", 26,
            Base with { Period = 1, Clock = "6:00", HomeScore = 30, AwayScore = 22, Flow = new GameFlow(1, 0, 4, 8, RunSide.Home, 12, false) }],
        ["E", "Final in overtime, Duke 81–80 UNC, 6 lead changes, tied 4 times, Duke came back from 12 down, lead changed in the final minute", 88,
            Base with { State = GameState.Final, Period = 3, Clock = "0:00", HomeScore = 81, AwayScore = 80, Flow = new GameFlow(6, 4, 12, 5, RunSide.None, 0, true) }],
        ["F", "Final, Duke 90–60 UNC, no lead change", 0,
            Base with { State = GameState.Final, Period = 2, Clock = "0:00", HomeScore = 90, AwayScore = 60 }],
        ["G", "Final, NCAA Tournament, 13-seed UNC beat 4-seed Duke 70–68", 55,
            Base with { State = GameState.Final, Period = 2, Clock = "0:00", HomeScore = 68, AwayScore = 70, HomeSeed = 4, AwaySeed = 13, SeasonType = "postseason", Notes = "NCAA Tournament - 1st Round" }],
        ["H", "Scheduled, No. 1 Duke hosts No. 4 UNC, conference game", 44,
            Base with { State = GameState.Scheduled, HomeRank = 1, AwayRank = 4, ConferenceGame = true }],
        ["I", "Women's, live, 3rd quarter 0:00, Duke 50–48 UNC", 43,
            Base with { LeagueId = 2, Period = 3, Clock = "0:00", HomeScore = 50, AwayScore = 48 }],
        ["J", "Scheduled, Duke hosts UNC, Duke favoured by 3.5 (home line −3.5), conference game", 21,
            Base with { State = GameState.Scheduled, HomeSpread = -3.5m, ConferenceGame = true }],
        ["K", "Live, 2nd half 4:00, Duke 58–61 UNC, both unranked, Duke favoured by 6.5, 2 lead changes", 59,
            Base with { Period = 2, Clock = "4:00", HomeScore = 58, AwayScore = 61, HomeSpread = -6.5m, Flow = GameFlow.None with { LeadChanges = 2 } }],
    ];

    [TestMethod]
    [DynamicData(nameof(Examples))]
    public void The_worked_example_scores_what_docs_pulse_md_says(string name, string situation, int expected, PulseInput input)
    {
        var pulse = PulseCalculator.Compute(input);
        var row = $"| {name} | {situation} | {pulse.Kind} | **{pulse.Score}** | {string.Join("; ", pulse.Factors.Select(f => $"{f.Text} (+{f.Points})"))} |";

        Assert.AreEqual(expected, pulse.Score, row);
        var page = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "pulse.md"));
        CollectionAssert.Contains(page, row, "docs/pulse.md must carry this row exactly");
    }
}
