using GamePulse.Data.Games;
using GamePulse.Data.Pulse;

namespace GamePulse.Tests.Data.Pulse;

[TestClass]
public sealed class PulseCalculatorTests
{
    private static PulseInput Live(int period, string clock, int home, int away) => new()
    {
        LeagueId = 1,
        State = GameState.Live,
        Period = period,
        Clock = clock,
        HomeScore = home,
        AwayScore = away,
        HomeName = "Duke",
        AwayName = "UNC",
    };

    private static PulseInput Final(int home, int away, int period = 2) => new()
    {
        LeagueId = 1,
        State = GameState.Final,
        Period = period,
        Clock = "0:00",
        HomeScore = home,
        AwayScore = away,
        HomeName = "Duke",
        AwayName = "UNC",
    };

    [TestMethod]
    public void A_tie_in_the_last_minute_ranks_above_a_20_point_lead_at_the_half()
    {
        var tieLate = PulseCalculator.Compute(Live(2, "0:45", 70, 70));
        var blowoutAtHalf = PulseCalculator.Compute(Live(1, "0:00", 45, 25) with { State = GameState.Halftime });

        Assert.IsGreaterThan(blowoutAtHalf.Score + 40, tieLate.Score);
        Assert.AreEqual("Tied with 0:45 left", tieLate.Factors[0].Text);
        Assert.AreEqual(PulseKind.Live, tieLate.Kind);
    }

    [TestMethod]
    public void Overtime_raises_a_live_game_and_a_final()
    {
        var endOfRegulation = PulseCalculator.Compute(Live(2, "0:00", 70, 70));
        var overtime = PulseCalculator.Compute(Live(3, "3:00", 72, 72));
        var finalInRegulation = PulseCalculator.Compute(Final(80, 77));
        var finalInDoubleOvertime = PulseCalculator.Compute(Final(80, 77, period: 4));

        Assert.IsGreaterThan(endOfRegulation.Score, overtime.Score);
        CollectionAssert.Contains(overtime.FactorTexts.ToList(), "In overtime");
        Assert.IsGreaterThan(finalInRegulation.Score, finalInDoubleOvertime.Score);
        CollectionAssert.Contains(finalInDoubleOvertime.FactorTexts.ToList(), "Double overtime");
    }

    [TestMethod]
    public void Womens_games_play_four_quarters_so_period_3_is_regulation_and_period_5_is_overtime()
    {
        var womensThirdQuarter = PulseCalculator.Compute(Live(3, "5:00", 50, 50) with { LeagueId = 2 });
        var mensSecondHalf = PulseCalculator.Compute(Live(2, "15:00", 50, 50));
        var womensOvertime = PulseCalculator.Compute(Live(5, "2:00", 60, 60) with { LeagueId = 2 });

        Assert.AreEqual(mensSecondHalf.Score, womensThirdQuarter.Score, "25 of 40 minutes played in both");
        Assert.AreEqual("Tied in the 3rd quarter", womensThirdQuarter.Factors[0].Text);
        CollectionAssert.Contains(womensOvertime.FactorTexts.ToList(), "In overtime");
    }

    [TestMethod]
    public void An_upset_in_progress_raises_it_and_says_who_leads_whom()
    {
        var favouriteLeads = PulseCalculator.Compute(Live(2, "8:00", 60, 55) with { HomeRank = 5, AwayRank = 12 });
        var underdogLeads = PulseCalculator.Compute(Live(2, "8:00", 55, 60) with { HomeRank = 5, AwayRank = 12 });

        Assert.IsGreaterThan(favouriteLeads.Score, underdogLeads.Score);
        CollectionAssert.Contains(underdogLeads.FactorTexts.ToList(), "No. 12 UNC leads No. 5 Duke");
    }

    [TestMethod]
    public void An_unranked_winner_over_a_ranked_team_is_an_upset_final()
    {
        var upset = PulseCalculator.Compute(Final(70, 74) with { HomeRank = 3 });
        var expected = PulseCalculator.Compute(Final(74, 70) with { HomeRank = 3 });

        Assert.IsGreaterThan(expected.Score, upset.Score);
        CollectionAssert.Contains(upset.FactorTexts.ToList(), "Unranked UNC beat No. 3 Duke");
    }

    [TestMethod]
    public void Tournament_seeds_decide_the_underdog_when_both_teams_have_one()
    {
        var input = Final(68, 70) with { HomeRank = 20, AwayRank = 4, HomeSeed = 4, AwaySeed = 13, SeasonType = "postseason", Notes = "Men's Basketball Championship - West Region - 1st Round" };

        var pulse = PulseCalculator.Compute(input);

        CollectionAssert.Contains(pulse.FactorTexts.ToList(), "13-seed UNC beat 4-seed Duke");
        CollectionAssert.Contains(pulse.FactorTexts.ToList(), "Men's Basketball Championship - West Region - 1st Round");
    }

    [TestMethod]
    public void Flow_factors_name_lead_changes_comebacks_and_the_final_minute()
    {
        var flow = new GameFlow(LeadChanges: 3, Ties: 2, LargestHomeDeficit: 14, LargestAwayDeficit: 2, RunSide.None, 0, LeadChangeInFinalMinute: true);

        var pulse = PulseCalculator.Compute(Final(71, 70) with { Flow = flow });

        string[] expected = ["Decided by 1 point", "Lead changed in the final minute", "Duke came back from 14 down", "3 lead changes"];
        CollectionAssert.AreEqual(
            expected,
            pulse.FactorTexts.ToArray());
        Assert.IsTrue(pulse.Factors.Zip(pulse.Factors.Skip(1)).All(p => p.First.Points >= p.Second.Points), "biggest first");
    }

    [TestMethod]
    public void A_run_counts_only_from_eight_points()
    {
        var small = PulseCalculator.Compute(Live(2, "10:00", 50, 48) with { Flow = GameFlow.None with { RunBy = RunSide.Home, RunPoints = 6 } });
        var big = PulseCalculator.Compute(Live(2, "10:00", 50, 48) with { Flow = GameFlow.None with { RunBy = RunSide.Home, RunPoints = 12 } });

        Assert.IsFalse(small.FactorTexts.Any(t => t.Contains("run", StringComparison.Ordinal)));
        CollectionAssert.Contains(big.FactorTexts.ToList(), "Duke on a 12–0 run");
        Assert.IsGreaterThan(small.Score, big.Score);
    }

    [TestMethod]
    public void The_betting_underdog_leading_is_an_upset_in_progress_when_ranks_do_not_decide()
    {
        // Both unranked, Duke (home) favoured by 3.5.
        var favouriteLeads = PulseCalculator.Compute(Live(2, "8:00", 60, 55) with { HomeSpread = -3.5m });
        var underdogLeads = PulseCalculator.Compute(Live(2, "8:00", 55, 60) with { HomeSpread = -3.5m });
        var noLine = PulseCalculator.Compute(Live(2, "8:00", 55, 60));

        Assert.IsGreaterThan(favouriteLeads.Score, underdogLeads.Score);
        Assert.IsGreaterThan(noLine.Score, underdogLeads.Score);
        CollectionAssert.Contains(underdogLeads.FactorTexts.ToList(), "Underdog UNC leads Duke");
        Assert.IsFalse(favouriteLeads.FactorTexts.Any(t => t.Contains("Underdog", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_home_underdog_by_the_line_that_wins_is_an_upset_final_and_a_tie_live_counts_as_level()
    {
        // A positive home line: UNC (away) favoured, Duke the underdog.
        var final = PulseCalculator.Compute(Final(74, 70) with { HomeSpread = 6.5m });
        var level = PulseCalculator.Compute(Live(2, "3:00", 62, 62) with { HomeSpread = 6.5m });

        CollectionAssert.Contains(final.FactorTexts.ToList(), "Underdog Duke beat UNC");
        CollectionAssert.Contains(level.FactorTexts.ToList(), "Underdog Duke level with UNC");
    }

    [TestMethod]
    public void Ranks_and_seeds_decide_the_underdog_before_the_line_does()
    {
        // No. 5 Duke at home but an underdog by the line: the ranking's underdog (UNC, unranked) is the one that counts.
        var pulse = PulseCalculator.Compute(Final(70, 74) with { HomeRank = 5, HomeSpread = 2.5m });

        CollectionAssert.Contains(pulse.FactorTexts.ToList(), "Unranked UNC beat No. 5 Duke");
        Assert.IsFalse(pulse.FactorTexts.Any(t => t.Contains("Underdog", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_close_line_raises_anticipation_and_names_the_favourite()
    {
        PulseInput Scheduled(decimal? spread) => new() { LeagueId = 1, State = GameState.Scheduled, HomeName = "BYU", AwayName = "Arizona", HomeSpread = spread };

        var close = PulseCalculator.Compute(Scheduled(-3.5m));
        var pickEm = PulseCalculator.Compute(Scheduled(0m));
        var lopsided = PulseCalculator.Compute(Scheduled(17.5m));
        var none = PulseCalculator.Compute(Scheduled(null));

        Assert.AreEqual(10, none.Score);
        Assert.AreEqual(10, lopsided.Score, "a line of 15 or more adds nothing");
        Assert.IsGreaterThan(none.Score, close.Score);
        Assert.IsGreaterThan(close.Score, pickEm.Score);
        CollectionAssert.Contains(close.FactorTexts.ToList(), "BYU favoured by 3.5");
        CollectionAssert.Contains(pickEm.FactorTexts.ToList(), "Pick'em");
        Assert.IsFalse(lopsided.FactorTexts.Any(t => t.Contains("favoured", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Scheduled_games_score_anticipation_from_ranks_and_context()
    {
        var unranked = PulseCalculator.Compute(new PulseInput { LeagueId = 1, State = GameState.Scheduled, HomeName = "Duke", AwayName = "UNC" });
        var topTwo = PulseCalculator.Compute(new PulseInput { LeagueId = 1, State = GameState.Scheduled, HomeName = "Duke", AwayName = "UNC", HomeRank = 1, AwayRank = 2, ConferenceGame = true });

        Assert.AreEqual(10, unranked.Score, "unranked.Score");
        Assert.AreEqual(PulseKind.Scheduled, unranked.Kind, "unranked.Kind");
        Assert.IsGreaterThan(unranked.Score + 30, topTwo.Score);
        Assert.AreEqual("Top-25 matchup: No. 2 UNC at No. 1 Duke", topTwo.Factors[0].Text);
    }

    [TestMethod]
    public void Postponed_and_canceled_games_score_zero_without_factors()
    {
        foreach (var state in new[] { GameState.Postponed, GameState.Canceled })
        {
            var pulse = PulseCalculator.Compute(new PulseInput { LeagueId = 1, State = state, HomeRank = 1, AwayRank = 2, ConferenceGame = true });
            Assert.AreEqual(0, pulse.Score, "pulse.Score");
            Assert.AreEqual(PulseKind.Off, pulse.Kind, "pulse.Kind");
            Assert.IsEmpty(pulse.Factors);
        }
    }

    [TestMethod]
    public void Everything_at_once_is_still_capped_at_100()
    {
        var flow = new GameFlow(20, 20, 30, 30, RunSide.Home, 20, true);
        var input = Live(6, "0:01", 90, 90) with { HomeRank = 25, AwayRank = 1, HomeSeed = 16, AwaySeed = 1, ConferenceGame = true, Notes = "NCAA Tournament - Final Four", Flow = flow };

        Assert.AreEqual(100, PulseCalculator.Compute(input).Score);
        Assert.AreEqual(100, PulseCalculator.Compute(input with { State = GameState.Final, HomeScore = 91 }).Score);
    }

    [TestMethod]
    public void Missing_or_garbled_data_gives_a_low_score_not_an_exception()
    {
        var noScores = PulseCalculator.Compute(new PulseInput { LeagueId = 1, State = GameState.Live, Period = 2, Clock = "??" });
        var badClock = PulseCalculator.Compute(Live(2, "9:99", 40, 40));
        var startOfHalf = PulseCalculator.Compute(Live(2, "20:00", 40, 40));

        Assert.AreEqual(0, noScores.Score);
        Assert.AreEqual(startOfHalf.Score, badClock.Score, "an unreadable clock counts as the start of its period");
    }
}
