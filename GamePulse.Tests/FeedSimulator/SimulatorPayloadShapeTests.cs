using System.Text.Json;
using GamePulse.Data.Games;
using GamePulse.FeedSimulator;
using GamePulse.FeedSimulator.Feed;
using GamePulse.FeedSimulator.Slate;
using GamePulse.Tests.Support;
using GamePulse.Tests.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Espn;
using GamePulse.Worker.Ingestion.Summaries;
using Microsoft.Extensions.Options;

namespace GamePulse.Tests.FeedSimulator;

/// <summary>
/// The simulator's payloads are shaped like the recorded ones: every field path it writes exists in a recorded payload
/// of the same kind (it invents nothing the Worker would never meet), and the Worker's parsers fill every field a live
/// game has from them.
/// </summary>
[TestClass]
public sealed class SimulatorPayloadShapeTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 24, 23, 0, 0, TimeSpan.Zero);
    private static readonly string[] RecordedScoreboards = ["espn/scoreboard-2026-03-04-groups50-live.json", "espn/scoreboard-2026-03-03-groups50-final.json", "espn/scoreboard-2025-02-11-mixed.json"];
    private static readonly string[] RecordedSummaries = ["espn/summary-401851239-live-halftime.json", "espn/summary-401808279-final-ot.json", "espn/summary-401851238-conf-tourney-final.json"];

    private static Simulation LiveSlate() =>
        new(Options.Create(new SimulatorOptions { Seed = 4, Start = Start }), new MovableClock(Start + TimeSpan.FromMinutes(55)));

    [TestMethod]
    public void Every_field_of_a_simulated_scoreboard_and_summary_is_a_field_of_a_recorded_one()
    {
        var simulation = LiveSlate();
        var scoreboard = ScoreboardJson.Write(SimLeague.Mens, simulation.Today, [.. simulation.On(SimLeague.Mens, simulation.Today).Select(simulation.MomentOf)]);
        var summary = SummaryJson.Write(simulation.MomentOf(simulation.Games[0]));

        AssertSubset(Paths(scoreboard), RecordedScoreboards, "scoreboard");
        AssertSubset(Paths(summary), RecordedSummaries, "summary");
    }

    [TestMethod]
    public void The_Worker_parsers_fill_every_field_of_a_live_game_from_the_simulator()
    {
        var simulation = LiveSlate();
        var moments = simulation.On(SimLeague.Womens, simulation.Today).Select(simulation.MomentOf).ToList();
        var parsed = EspnScoreboardParser.Parse(ScoreboardJson.Write(SimLeague.Womens, simulation.Today, moments), Leagues.Womens, 64);

        Assert.IsEmpty(parsed.Skipped, "no simulated game is skipped");
        Assert.AreEqual(simulation.Today, parsed.Date, "the payload's day");
        var live = parsed.Games.Select(g => g.Game).First(g => g.State == GameState.Live);
        Assert.IsNotNull(live.Clock, "clock");
        Assert.IsNotNull(live.Period, "period");
        Assert.IsNotNull(live.Detail, "detail");
        Assert.IsNotNull(live.HomeLineScores, "home line scores");
        Assert.AreEqual((int)live.HomeScore!, live.HomeLineScores.Sum(s => s), "the line scores add up to the score");
        Assert.IsNotNull(live.HomeRecord, "home record");
        Assert.IsNotNull(live.VenueName, "venue");
        Assert.AreEqual("ESPN+", live.Broadcast, "broadcast");
        Assert.AreEqual("regular", live.SeasonType, "season type");

        var game = simulation.Games.First(g => g.EventId == live.ExternalId);
        var summary = EspnSummaryParser.Parse(SummaryJson.Write(simulation.MomentOf(game)), Leagues.Womens);
        Assert.HasCount(2, summary.Detail.Teams, "a box line per team");
        Assert.HasCount(20, summary.Detail.Players, "ten players a side");
        Assert.HasCount(6, summary.Detail.Leaders, "three leaders a side");
        Assert.IsTrue(summary.Detail.Plays.All(p => p.HomeWinPct is not null), "every play has a win probability");
        Assert.AreEqual((int)live.HomeScore, summary.Detail.Teams.Single(t => t.Side == "home").Points ?? -1, "box score points are the score");
        Assert.IsNotNull(summary.Card.LastPlayText, "the card's last play");
        Assert.IsNotNull(summary.Card.LeaderText, "the card's top scorer");
    }

    private static void AssertSubset(HashSet<string> simulated, string[] recorded, string kind)
    {
        var known = recorded.SelectMany(f => Paths(File.ReadAllBytes(RepositoryPaths.Fixture(f)))).ToHashSet(StringComparer.Ordinal);
        var invented = simulated.Where(p => !known.Contains(p)).Order(StringComparer.Ordinal).ToList();
        Assert.IsEmpty(invented, $"{kind} fields no recorded payload has: {string.Join(", ", invented)}");
    }

    /// <summary>Every field path with array indices dropped: events[].competitions[].competitors[].team.id …</summary>
    private static HashSet<string> Paths(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Walk(document.RootElement, "", paths);
        return paths;
    }

    private static void Walk(JsonElement element, string path, HashSet<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    paths.Add(child);
                    Walk(property.Value, child, paths);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path + "[]", paths);
                }

                break;
            default:
                break;
        }
    }
}
