using System.Globalization;
using GamePulse.FeedSimulator;
using GamePulse.FeedSimulator.Feed;
using GamePulse.FeedSimulator.Games;
using GamePulse.FeedSimulator.Slate;
using Microsoft.Extensions.Options;

namespace GamePulse.Tests.FeedSimulator;

/// <summary>What the simulated games do: the same seed plays the same game; games go through every phase a real one has.</summary>
[TestClass]
public sealed class SimulatorScriptTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 24, 23, 0, 0, TimeSpan.Zero);

    private static Simulation Slate(int seed, MovableClock clock) =>
        new(Options.Create(new SimulatorOptions { Seed = seed, Speed = 20, Start = Start }), clock);

    private static byte[] Scoreboard(Simulation simulation, SimLeague league) =>
        ScoreboardJson.Write(league, simulation.Today, [.. simulation.On(league, simulation.Today).Select(simulation.MomentOf)]);

    [TestMethod]
    public void The_same_seed_gives_the_same_payloads_second_for_second_and_another_seed_does_not()
    {
        var clockA = new MovableClock(Start);
        var clockB = new MovableClock(Start);
        var first = Slate(5, clockA);
        var second = Slate(5, clockB);
        var other = Slate(6, new MovableClock(Start + TimeSpan.FromMinutes(3)));

        for (var second_ = 0; second_ < 600; second_ += 37)
        {
            clockA.Now = clockB.Now = Start + TimeSpan.FromSeconds(second_);
            foreach (var league in SimLeague.All)
            {
                CollectionAssert.AreEqual(Scoreboard(first, league), Scoreboard(second, league), $"{league.Key} scoreboard at +{second_} s");
            }

            var game = first.Games[3];
            CollectionAssert.AreEqual(SummaryJson.Write(first.MomentOf(game)), SummaryJson.Write(second.MomentOf(second.Games[3])), $"summary of {game.EventId} at +{second_} s");
        }

        var matchups = string.Join(",", first.Games.Select(g => g.Home.EspnId + "-" + g.Away.EspnId));
        Assert.AreNotEqual(matchups, string.Join(",", other.Games.Select(g => g.Home.EspnId + "-" + g.Away.EspnId)), "seed 6 pairs other teams than seed 5");
    }

    [TestMethod]
    public void Over_a_slate_games_tip_off_go_on_runs_call_timeouts_reach_halftime_overtime_and_the_final()
    {
        var clock = new MovableClock(Start);
        var simulation = Slate(9, clock);
        var statuses = new HashSet<string>(StringComparer.Ordinal);
        var seenScheduledThenLive = false;
        for (var at = Start; at < Start + TimeSpan.FromMinutes(40); at += TimeSpan.FromSeconds(5))
        {
            clock.Now = at;
            foreach (var game in simulation.Games)
            {
                var moment = simulation.MomentOf(game);
                statuses.Add(moment.Status.Name + "|" + moment.Status.Detail.Split(' ')[0]);
                seenScheduledThenLive |= at > Start && moment.Status.Name == "STATUS_IN_PROGRESS" && GameMoment.At(game, simulation.Elapsed(game, at - TimeSpan.FromMinutes(1))).Status.Name == "STATUS_SCHEDULED";
            }
        }

        Assert.IsTrue(seenScheduledThenLive, "a game went from scheduled to in progress (tip-off)");
        Assert.Contains("STATUS_HALFTIME|Halftime", statuses, "some game reached halftime");
        Assert.Contains("STATUS_END_PERIOD|End", statuses, "a women's game reached the end of a quarter");
        Assert.Contains("STATUS_FINAL|Final", statuses, "some game ended in regulation");
        Assert.Contains("STATUS_FINAL|Final/OT", statuses, "some game went to overtime and ended there");
        var plays = simulation.Games.SelectMany(g => g.Plays).ToList();
        Assert.IsTrue(plays.Any(p => p.Kind == PlayKind.MediaTimeout), "media timeouts are called");
        Assert.IsTrue(plays.Any(p => p.Kind == PlayKind.TeamTimeout), "teams call timeouts");
        Assert.IsGreaterThanOrEqualTo(10, simulation.Games.Max(LongestRun), "some game has a 10-0 run or longer");
        foreach (var game in simulation.Games)
        {
            var last = game.Plays[^1];
            Assert.AreEqual(PlayKind.EndGame, last.Kind, $"{game.EventId} ends");
            Assert.AreNotEqual(last.Home, last.Away, $"{game.EventId} has a winner");
            Assert.IsTrue(game.Plays.Zip(game.Plays.Skip(1)).All(p => p.First.At <= p.Second.At && p.First.Home <= p.Second.Home && p.First.Away <= p.Second.Away), $"{game.EventId}: time and scores only go forward");
        }
    }

    [TestMethod]
    public void A_score_change_becomes_visible_at_the_instant_the_introspection_endpoint_names()
    {
        var clock = new MovableClock(Start + TimeSpan.FromMinutes(5));
        var simulation = Slate(3, clock);
        var change = GamePulse.FeedSimulator.Introspection.SimEndpoints.Changes(simulation, Start, clock.Now).Last();
        var game = simulation.Games.Single(g => g.EventId == change.EventId);

        clock.Now = change.VisibleAt - TimeSpan.FromMilliseconds(1);
        var before = simulation.MomentOf(game);
        clock.Now = change.VisibleAt;
        var after = simulation.MomentOf(game);

        Assert.AreNotEqual((change.Home, change.Away), (before.Home, before.Away), $"1 ms before t0 {game.EventId} still shows the old score");
        Assert.AreEqual((change.Home, change.Away), (after.Home, after.Away), $"at t0 {game.EventId} shows the new score {change.Home}-{change.Away}");
        Assert.AreEqual(change.VisibleAt.ToString("O", CultureInfo.InvariantCulture), simulation.VisibleAt(game, game.Plays.Single(p => p.Sequence == change.Sequence)).ToString("O", CultureInfo.InvariantCulture), "t0 of the play");
    }

    private static int LongestRun(SimGame game)
    {
        int best = 0, run = 0, side = -1;
        foreach (var play in game.Plays.Where(p => p.Scoring))
        {
            run = play.Side == side ? run + play.Points : play.Points;
            side = play.Side!.Value;
            best = Math.Max(best, run);
        }

        return best;
    }
}
