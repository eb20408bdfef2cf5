using GamePulse.Data.Games;
using GamePulse.Data.Pulse;

namespace GamePulse.Tests.Data.Pulse;

/// <summary>Pulse's factors on a spoiler-free page: what made the game worth watching, never who won or by how much.</summary>
[TestClass]
public sealed class SpoilerFreeFactorsTests
{
    [TestMethod]
    [DataRow("Decided by 1 point", "Close all the way")]
    [DataRow("Decided by 5 points", "Close all the way")]
    [DataRow("Decided by 6 points", null)]
    [DataRow("Overtime", "Went to overtime")]
    [DataRow("Double overtime", "Went to double overtime")]
    [DataRow("4 overtimes", "Went to 4 overtimes")]
    [DataRow("In overtime", "In overtime")]
    [DataRow("Duke came back from 12 down", "Big comeback")]
    [DataRow("UNC erased a 14-point deficit", "Big comeback")]
    [DataRow("6 lead changes", "6 lead changes")]
    [DataRow("1 lead change", "1 lead change")]
    [DataRow("Tied 4 times", "Tied 4 times")]
    [DataRow("Tied once", "Tied once")]
    [DataRow("Lead changed in the final minute", "Lead changed in the final minute")]
    [DataRow("Tied with 0:45 left", "Close with 0:45 left")]
    [DataRow("UNC by 5 in the 2nd half", "Close in the 2nd half")]
    [DataRow("Duke by 2 at halftime", "Close at halftime")]
    [DataRow("Duke by 9 in the 2nd half", null)]
    [DataRow("Duke on a 12–0 run", "A big run")]
    [DataRow("13-seed UNC beat 4-seed Duke", null)]
    [DataRow("Unranked UNC beat No. 3 Duke", null)]
    [DataRow("Underdog UNC beat Duke", null)]
    [DataRow("No. 12 UNC leads No. 5 Duke", null)]
    [DataRow("Unranked Iowa level with No. 7 Purdue", null)]
    [DataRow("Conference game", "Conference game")]
    [DataRow("Top-25 matchup", "Top-25 matchup")]
    [DataRow("Something the formula says one day", null)]
    public void Each_factor_is_reworded_or_dropped(string factor, string? expected)
    {
        Assert.AreEqual(expected, SpoilerFreeFactors.PhraseOne(factor, notes: null), $"spoiler-free wording of \"{factor}\"");
    }

    [TestMethod]
    public void The_games_notes_stay_and_duplicates_collapse()
    {
        var phrased = SpoilerFreeFactors.Phrase(["NCAA Tournament - 1st Round", "Duke came back from 12 down", "UNC erased a 9-point deficit", "13-seed UNC beat 4-seed Duke"], "NCAA Tournament - 1st Round");

        Assert.AreEqual("NCAA Tournament - 1st Round|Big comeback", string.Join("|", phrased), "the round is context, the comeback is said once, the upset is gone");
        Assert.IsEmpty(SpoilerFreeFactors.Phrase(null, null), "no factors, nothing to say");
    }

    /// <summary>
    /// Over thousands of generated live and final games (seeded), whatever the formula writes: no phrase names a team,
    /// says "beat" or "leads", or carries a score or a margin above the close threshold.
    /// </summary>
    [TestMethod]
    public void No_generated_game_gives_its_result_away()
    {
        var random = new Random(18);
        var failures = new List<string>();
        for (var i = 0; i < 5000; i++)
        {
            var final = random.Next(2) == 0;
            var home = random.Next(40, 100);
            var away = random.Next(40, 100);
            var input = new PulseInput
            {
                LeagueId = 1,
                State = final ? GameState.Final : GameState.Live,
                HomeName = "Hometeam",
                AwayName = "Awayteam",
                Period = final ? random.Next(2, 6) : random.Next(1, 4),
                Clock = final ? "0:00" : $"{random.Next(0, 20)}:00", // whole minutes: a clock's digits are never a score (40+)
                HomeScore = home,
                AwayScore = away,
                HomeRank = random.Next(3) == 0 ? random.Next(1, 26) : null,
                AwayRank = random.Next(3) == 0 ? random.Next(1, 26) : null,
                HomeSeed = random.Next(4) == 0 ? random.Next(1, 17) : null,
                AwaySeed = random.Next(4) == 0 ? random.Next(1, 17) : null,
                HomeSpread = random.Next(3) == 0 ? random.Next(-15, 16) + 0.5m : null,
                ConferenceGame = random.Next(2) == 0,
                Flow = new GameFlow(random.Next(0, 12), random.Next(0, 8), random.Next(0, 25), random.Next(0, 25), (RunSide)random.Next(0, 3), random.Next(0, 20), random.Next(2) == 0),
            };
            var factors = PulseCalculator.Compute(input).FactorTexts;
            foreach (var phrase in SpoilerFreeFactors.Phrase(factors, input.Notes))
            {
                if (phrase.Contains("team", StringComparison.OrdinalIgnoreCase) || phrase.Contains(" beat ", StringComparison.Ordinal) || phrase.Contains("leads", StringComparison.Ordinal)
                    || phrase.Contains(home.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    || phrase.Contains(away.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
                {
                    failures.Add($"{home}-{away}: \"{phrase}\" from [{string.Join("; ", factors)}]");
                }
            }
        }

        Assert.IsEmpty(failures, "spoiler-free phrases that give a result away:\n" + string.Join("\n", failures.Take(20)));
    }
}
