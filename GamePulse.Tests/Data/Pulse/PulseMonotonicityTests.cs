using System.Globalization;
using GamePulse.Data.Games;
using GamePulse.Data.Pulse;

namespace GamePulse.Tests.Data.Pulse;

/// <summary>
/// The promises of docs/pulse.md checked over thousands of generated games (seeded, so a failure reproduces):
/// all else equal, a closer score, less time left and more lead changes never lower Pulse, and it stays in 0–100.
/// </summary>
[TestClass]
public sealed class PulseMonotonicityTests
{
    private const int Cases = 5000;
    private static readonly string?[] NotesPool = [null, "Big East Tournament - Quarterfinal", "NCAA Tournament - Final Four", "Men's Basketball Championship - 1st Round"];

    [TestMethod]
    public void A_closer_score_never_lowers_it()
    {
        var random = new Random(20250204);
        for (var i = 0; i < Cases; i++)
        {
            var game = RandomGame(random, random.Next(2) == 0 ? GameState.Live : GameState.Final);
            var (home, away) = (game.HomeScore!.Value, game.AwayScore!.Value);
            var margin = Math.Abs(home - away);
            var minimum = game.State == GameState.Final ? 1 : 0; // a final cannot be tied
            if (margin <= minimum)
            {
                continue;
            }

            // The same leader, closer: take points off the leader so nothing else (flow, ranks, time) moves.
            var closer = margin - random.Next(1, margin - minimum + 1);
            var closerGame = home > away ? game with { HomeScore = away + closer } : game with { AwayScore = home + closer };

            AssertNotLower(game, closerGame, "closer score");
        }
    }

    [TestMethod]
    public void Less_time_left_never_lowers_it()
    {
        var random = new Random(4242);
        for (var i = 0; i < Cases; i++)
        {
            var game = RandomGame(random, GameState.Live);
            var format = GameFormat.ForLeague(game.LeagueId);
            var later = random.Next(3) == 0
                ? game with { Period = game.Period + random.Next(1, 3), Clock = RandomClock(random, format, game.Period!.Value + 1) }
                : game with { Clock = Clock(random.NextDouble() * (GameFormat.ParseClock(game.Clock) ?? 0)) };

            AssertNotLower(game, later, "later in the game");
        }
    }

    [TestMethod]
    public void More_lead_changes_never_lower_it()
    {
        var random = new Random(777);
        for (var i = 0; i < Cases; i++)
        {
            var game = RandomGame(random, random.Next(2) == 0 ? GameState.Live : GameState.Final);
            var more = game with { Flow = game.Flow with { LeadChanges = game.Flow.LeadChanges + random.Next(1, 5) } };

            AssertNotLower(game, more, "more lead changes");
        }
    }

    [TestMethod]
    public void A_closer_line_never_lowers_a_scheduled_game()
    {
        var random = new Random(3535);
        for (var i = 0; i < Cases; i++)
        {
            var game = RandomGame(random, GameState.Scheduled) with { HomeSpread = random.Next(-40, 41) / 2m };
            var closer = game with { HomeSpread = game.HomeSpread * (decimal)random.NextDouble() };

            AssertNotLower(game, closer, "a closer line");
        }
    }

    [TestMethod]
    public void Every_generated_game_scores_within_0_to_100_the_same_way_every_time()
    {
        var random = new Random(99);
        string[] states = [GameState.Scheduled, GameState.Live, GameState.Halftime, GameState.Final, GameState.Postponed, GameState.Canceled, GameState.Delayed, "unknown-state"];
        var seen = new HashSet<int>();
        for (var i = 0; i < Cases; i++)
        {
            var game = RandomGame(random, states[random.Next(states.Length)]);
            if (random.Next(10) == 0)
            {
                game = game with { HomeScore = null, Clock = "garbage", Period = random.Next(-2, 12) };
            }

            var pulse = PulseCalculator.Compute(game);

            Assert.IsInRange(0, 100, pulse.Score, $"{game}");
            Assert.IsLessThanOrEqualTo(PulseCalculator.MaxFactors, pulse.Factors.Count);
            Assert.AreEqual(pulse.Score, PulseCalculator.Compute(game).Score, "deterministic");
            seen.Add(pulse.Score);
        }

        Assert.IsGreaterThan(50, seen.Count, "the generator covers most of the range, so the checks above test something");
    }

    private static void AssertNotLower(PulseInput before, PulseInput after, string what)
    {
        var (a, b) = (PulseCalculator.Compute(before).Score, PulseCalculator.Compute(after).Score);
        Assert.IsGreaterThanOrEqualTo(a, b, $"{what} lowered Pulse {a} → {b}:\n{before}\n{after}");
    }

    private static PulseInput RandomGame(Random random, string state)
    {
        var leagueId = (short)random.Next(1, 3);
        var format = GameFormat.ForLeague(leagueId);
        var period = random.Next(1, format.RegulationPeriods + 4);
        var seeded = random.Next(4) == 0;
        return new PulseInput
        {
            LeagueId = leagueId,
            State = state,
            Period = period,
            Clock = RandomClock(random, format, period),
            HomeScore = random.Next(0, 110),
            AwayScore = random.Next(0, 110),
            HomeName = "Home",
            AwayName = "Away",
            HomeRank = random.Next(3) == 0 ? random.Next(1, 26) : null,
            AwayRank = random.Next(3) == 0 ? random.Next(1, 26) : null,
            HomeSeed = seeded ? random.Next(1, 17) : null,
            AwaySeed = seeded ? random.Next(1, 17) : null,
            ConferenceGame = random.Next(2) == 0,
            SeasonType = seeded ? "postseason" : "regular",
            Notes = NotesPool[random.Next(NotesPool.Length)],
            Flow = new GameFlow(
                random.Next(0, 12),
                random.Next(0, 8),
                random.Next(0, 25),
                random.Next(0, 25),
                (RunSide)random.Next(0, 3),
                random.Next(0, 20),
                random.Next(4) == 0),
            // Half the games have a pre-game line, in half points from -20 to +20 (0 = pick'em).
            HomeSpread = random.Next(2) == 0 ? random.Next(-40, 41) / 2m : null,
        };
    }

    private static string RandomClock(Random random, GameFormat format, int period)
    {
        var length = (period > format.RegulationPeriods ? GameFormat.OvertimeMinutes : format.PeriodMinutes) * 60;
        return Clock(random.NextDouble() * length);
    }

    // The feeds' own formats: "m:ss" from a minute up, "ss.s" below it.
    private static string Clock(double seconds) => seconds >= 60
        ? $"{(int)seconds / 60}:{(int)seconds % 60:00}"
        : (Math.Floor(seconds * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture);
}
