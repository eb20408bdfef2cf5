using System.Globalization;
using GamePulse.Data.Games;

namespace GamePulse.Data.Pulse;

/// <summary>
/// The Pulse formula: a sum of named, capped contributions, clamped to 0–100 and rounded. Every contribution only
/// grows with a closer score, with less time left and with more lead changes, so the total does too (docs/pulse.md
/// lists the weights and works examples; PulseWorkedExamplesTests keeps that page honest).
/// </summary>
public static class PulseCalculator
{
    /// <summary>How many factors a score carries: enough to explain it, few enough to read beside a badge.</summary>
    public const int MaxFactors = 4;

    public static PulseScore Compute(PulseInput input)
    {
        var format = GameFormat.ForLeague(input.LeagueId);
        var (kind, factors) = input.State switch
        {
            GameState.Final => (PulseKind.Final, Final(input, format)),
            GameState.Postponed or GameState.Canceled => (PulseKind.Off, []),
            GameState.Scheduled => (PulseKind.Scheduled, Scheduled(input)),
            _ => (PulseKind.Live, Live(input, format)),
        };

        var total = Math.Clamp(factors.Sum(f => f.Points), 0, 100);
        var top = factors
            .Where(f => f.Points >= 0.5)
            .OrderByDescending(f => f.Points)
            .Take(MaxFactors)
            .Select(f => new PulseFactor(f.Text, (int)Math.Round(f.Points, MidpointRounding.AwayFromZero)))
            .ToList();
        return new PulseScore((int)Math.Round(total, MidpointRounding.AwayFromZero), top, kind);
    }

    private static List<Contribution> Live(PulseInput input, GameFormat format)
    {
        var factors = new List<Contribution>();
        var progress = format.Progress(input.Period, input.Clock);
        if (input.HomeScore is not { } home || input.AwayScore is not { } away)
        {
            return factors;
        }

        var margin = Math.Abs(home - away);
        // Closeness counts from tip-off; its weight grows with the square of the game played, so the last minutes of a
        // close game count most. Both parts are products of non-negative terms that only grow, hence monotonic.
        var closeness = Math.Clamp(1 - (margin / 16.0), 0, 1);
        var lateness = progress * progress;
        factors.Add(new(LiveScoreText(input, format, margin, home, away), (30 * closeness) + (35 * closeness * lateness)));

        var overtimes = format.OvertimeCount(input.Period);
        factors.Add(new(OvertimeText(overtimes, live: true), Overtime(overtimes, first: 10, next: 5, cap: 20)));
        AddFlow(factors, input, home, away, live: true);
        AddUpset(factors, input, home, away, live: true, weight: 0.5 + (0.5 * progress));
        AddContext(factors, input, conference: 2, tournament: 5, ncaaTournament: 10, rankedPair: 3);
        return factors;
    }

    private static List<Contribution> Final(PulseInput input, GameFormat format)
    {
        var factors = new List<Contribution>();
        if (input.HomeScore is not { } home || input.AwayScore is not { } away)
        {
            return factors;
        }

        var margin = Math.Abs(home - away);
        factors.Add(new(margin == 1 ? "Decided by 1 point" : $"Decided by {margin} points", 40 * Math.Clamp(1 - (margin / 20.0), 0, 1)));

        var overtimes = format.OvertimeCount(input.Period);
        factors.Add(new(OvertimeText(overtimes, live: false), Overtime(overtimes, first: 12, next: 6, cap: 24)));
        AddFlow(factors, input, home, away, live: false);
        AddUpset(factors, input, home, away, live: false, weight: 1);
        AddContext(factors, input, conference: 2, tournament: 5, ncaaTournament: 10, rankedPair: 3);
        return factors;
    }

    private static List<Contribution> Scheduled(PulseInput input)
    {
        var factors = new List<Contribution> { new("Scheduled", 10) };
        var homeStrength = RankStrength(input.HomeRank);
        var awayStrength = RankStrength(input.AwayRank);
        if (homeStrength > 0 && awayStrength > 0)
        {
            factors.Add(new($"Top-25 matchup: {Ranked(input.AwayRank, input.AwayName)} at {Ranked(input.HomeRank, input.HomeName)}", 8 + (12 * (homeStrength + awayStrength))));
        }
        else if (homeStrength > 0 || awayStrength > 0)
        {
            var (rank, name) = homeStrength > 0 ? (input.HomeRank, input.HomeName) : (input.AwayRank, input.AwayName);
            factors.Add(new($"{Ranked(rank, name)} in action", 12 * Math.Max(homeStrength, awayStrength)));
        }

        if (input is { HomeSeed: { } homeSeed, AwaySeed: { } awaySeed })
        {
            factors.Add(new($"{Math.Min(homeSeed, awaySeed)}-seed vs {Math.Max(homeSeed, awaySeed)}-seed", 6 + Math.Max(0, 8 - Math.Abs(homeSeed - awaySeed))));
        }

        // A close line is a game the market expects to go either way: a pick'em adds 10, a 15-point line nothing.
        if (input.HomeSpread is { } spread)
        {
            var line = Math.Abs((double)spread);
            var text = spread == 0 ? "Pick'em" : $"{(spread < 0 ? input.HomeName : input.AwayName)} favoured by {Points(spread)}";
            factors.Add(new(text, 10 * Math.Clamp(1 - (line / 15), 0, 1)));
        }

        AddContext(factors, input, conference: 3, tournament: 8, ncaaTournament: 15, rankedPair: 0);
        return factors;
    }

    private static void AddFlow(List<Contribution> factors, PulseInput input, int home, int away, bool live)
    {
        var flow = input.Flow;
        factors.Add(new(flow.LeadChanges == 1 ? "1 lead change" : $"{flow.LeadChanges} lead changes", Math.Min(15, 2.5 * flow.LeadChanges)));
        factors.Add(new(flow.Ties == 1 ? "Tied once" : $"Tied {flow.Ties} times", Math.Min(5, flow.Ties)));

        // A comeback belongs to a side that is no longer behind: at a tie both sides have come back.
        var (deficit, name) = (home - away) switch
        {
            > 0 => (flow.LargestHomeDeficit, input.HomeName),
            < 0 => (flow.LargestAwayDeficit, input.AwayName),
            _ => flow.LargestHomeDeficit >= flow.LargestAwayDeficit ? (flow.LargestHomeDeficit, input.HomeName) : (flow.LargestAwayDeficit, input.AwayName),
        };
        var comeback = Math.Clamp(deficit - 5, 0, live ? 12 : 15);
        factors.Add(new(live ? $"{name} erased a {deficit}-point deficit" : $"{name} came back from {deficit} down", comeback));

        factors.Add(new("Lead changed in the final minute", flow.LeadChangeInFinalMinute ? (live ? 8 : 12) : 0));
        if (live && flow.RunBy != RunSide.None)
        {
            var runner = flow.RunBy == RunSide.Home ? input.HomeName : input.AwayName;
            factors.Add(new($"{runner} on a {flow.RunPoints}–0 run", Math.Clamp(flow.RunPoints - 6, 0, 8)));
        }
    }

    // The underdog is the worse-seeded side when both have seeds (the tournament's own ranking), otherwise the
    // worse-ranked side with unranked counted as No. 26, and when ranks do not tell them apart either (both unranked,
    // say) the betting underdog by the pre-game line. Live, an underdog level or ahead is an upset in progress and
    // counts more as the game goes on; final, only an underdog win counts.
    private static void AddUpset(List<Contribution> factors, PulseInput input, int home, int away, bool live, double weight)
    {
        var bySeed = input is { HomeSeed: not null, AwaySeed: not null } && input.HomeSeed != input.AwaySeed;
        var homeStanding = bySeed ? input.HomeSeed!.Value : Standing(input.HomeRank);
        var awayStanding = bySeed ? input.AwaySeed!.Value : Standing(input.AwayRank);
        var byLine = homeStanding == awayStanding && input.HomeSpread is { } line && line != 0;
        if (homeStanding == awayStanding && !byLine)
        {
            return;
        }

        // The line is the home side's: positive means home is expected to lose, so home is the underdog.
        var underdogIsHome = byLine ? input.HomeSpread > 0 : homeStanding > awayStanding;
        var underdogMargin = underdogIsHome ? home - away : away - home;
        if (underdogMargin < 0 || (!live && underdogMargin == 0))
        {
            return;
        }

        string Name(bool isHome) => isHome ? input.HomeName : input.AwayName;
        string Label(bool isHome) => bySeed
            ? $"{(isHome ? input.HomeSeed : input.AwaySeed)}-seed {Name(isHome)}"
            : Standing(isHome ? input.HomeRank : input.AwayRank) == 26 ? $"Unranked {Name(isHome)}" : Ranked(isHome ? input.HomeRank : input.AwayRank, Name(isHome));

        var verb = !live ? "beat" : underdogMargin == 0 ? "level with" : "leads";
        var text = byLine ? $"Underdog {Name(underdogIsHome)} {verb} {Name(!underdogIsHome)}" : $"{Label(underdogIsHome)} {verb} {Label(!underdogIsHome)}";
        // A point of spread weighs like a place of rank or seed: a 3.5-point underdog is a small upset, 16+ the most.
        var gap = byLine ? Math.Abs((double)input.HomeSpread!.Value) : Math.Abs(homeStanding - awayStanding);
        factors.Add(new(text, Math.Min(12, 4 + (gap / 2.0)) * weight));
    }

    private static void AddContext(List<Contribution> factors, PulseInput input, double conference, double tournament, double ncaaTournament, double rankedPair)
    {
        if (IsNcaaTournament(input.Notes))
        {
            factors.Add(new(input.Notes!.Trim(), ncaaTournament));
        }
        else if (input.SeasonType == "postseason" || IsTournament(input.Notes))
        {
            factors.Add(new(string.IsNullOrWhiteSpace(input.Notes) ? "Postseason" : input.Notes.Trim(), tournament));
        }

        if (input.ConferenceGame)
        {
            factors.Add(new("Conference game", conference));
        }

        if (rankedPair > 0 && Standing(input.HomeRank) <= 25 && Standing(input.AwayRank) <= 25)
        {
            factors.Add(new("Top-25 matchup", rankedPair));
        }
    }

    private static bool IsNcaaTournament(string? notes) =>
        notes is not null && notes.Contains("NCAA", StringComparison.OrdinalIgnoreCase) && IsTournament(notes);

    private static bool IsTournament(string? notes) =>
        notes is not null && (notes.Contains("Tournament", StringComparison.OrdinalIgnoreCase) || notes.Contains("Championship", StringComparison.OrdinalIgnoreCase));

    private static string Points(decimal spread) => Math.Abs(spread).ToString("0.#", CultureInfo.InvariantCulture);

    private static int Standing(int? rank) => rank is >= 1 and <= 25 ? rank.Value : 26;

    private static double RankStrength(int? rank) => rank is >= 1 and <= 25 ? (26 - rank.Value) / 25.0 : 0;

    private static string Ranked(int? rank, string name) => Standing(rank) <= 25 ? $"No. {rank} {name}" : name;

    private static double Overtime(int overtimes, double first, double next, double cap) =>
        overtimes == 0 ? 0 : Math.Min(cap, first + (next * (overtimes - 1)));

    private static string OvertimeText(int overtimes, bool live) => (overtimes, live) switch
    {
        (1, true) => "In overtime",
        (1, false) => "Overtime",
        (2, _) => "Double overtime",
        (3, _) => "Triple overtime",
        _ => $"{overtimes} overtimes",
    };

    private static string LiveScoreText(PulseInput input, GameFormat format, int margin, int home, int away)
    {
        var score = margin == 0 ? "Tied" : $"{(home > away ? input.HomeName : input.AwayName)} by {margin}";
        if (input.State == GameState.Halftime)
        {
            return $"{score} at halftime";
        }

        var period = input.Period ?? 0;
        if (period < 1)
        {
            return score;
        }

        var lastPeriodOrLater = period >= format.RegulationPeriods;
        if (lastPeriodOrLater && GameFormat.ParseClock(input.Clock) is { } seconds && seconds <= 5 * 60)
        {
            return $"{score} with {input.Clock!.Trim()} left";
        }

        return $"{score} in the {PeriodName(period, format)}";
    }

    private static string PeriodName(int period, GameFormat format)
    {
        if (period > format.RegulationPeriods)
        {
            var overtime = period - format.RegulationPeriods;
            return overtime == 1 ? "overtime" : $"{Ordinal(overtime)} overtime";
        }

        return format.RegulationPeriods == 2 ? $"{Ordinal(period)} half" : $"{Ordinal(period)} quarter";
    }

    private static string Ordinal(int n) => (n % 100, n % 10) switch
    {
        (11 or 12 or 13, _) => $"{n}th",
        (_, 1) => $"{n}st",
        (_, 2) => $"{n}nd",
        (_, 3) => $"{n}rd",
        _ => $"{n}th",
    };

    private sealed record Contribution(string Text, double Points);
}
