using System.Globalization;
using System.Text.RegularExpressions;

namespace GamePulse.Data.Pulse;

/// <summary>
/// Pulse's factors as a spoiler-free page shows them (decision 0451): what makes a game worth watching, without who
/// won, who leads or by how much. Each phrase <see cref="PulseCalculator"/> writes is matched by its shape and
/// rephrased ("Duke came back from 12 down" → "Big comeback", "Decided by 2 points" → "Close all the way") or
/// dropped (upsets name the winner); the game's own notes (a tournament round) stay. A text it does not know is
/// dropped, so a new factor in the formula can never leak a result before someone words it here.
/// </summary>
public static partial class SpoilerFreeFactors
{
    /// <summary>At most this many points apart at the end (or now) counts as close; wider margins are not mentioned.</summary>
    public const int CloseMargin = 5;

    /// <param name="factors">The stored factor texts, biggest first.</param>
    /// <param name="notes">The game's notes, which the formula copies as a factor for tournament games.</param>
    public static IReadOnlyList<string> Phrase(IReadOnlyList<string>? factors, string? notes)
    {
        if (factors is not { Count: > 0 })
        {
            return [];
        }

        var phrased = new List<string>(factors.Count);
        foreach (var factor in factors)
        {
            if (PhraseOne(factor, notes) is { } text && !phrased.Contains(text))
            {
                phrased.Add(text);
            }
        }

        return phrased;
    }

    /// <summary>One factor's spoiler-free text, or null when every wording of it would give the result away.</summary>
    public static string? PhraseOne(string factor, string? notes)
    {
        if (Kept.Contains(factor) || (notes is { Length: > 0 } && factor == notes.Trim()) || LeadChanges().IsMatch(factor) || Ties().IsMatch(factor))
        {
            return factor;
        }

        if (Overtimes.TryGetValue(factor, out var overtime))
        {
            return overtime;
        }

        if (ManyOvertimes().IsMatch(factor))
        {
            return "Went to " + factor;
        }

        if (Decided().Match(factor) is { Success: true } decided)
        {
            return Margin(decided.Groups["margin"].Value) <= CloseMargin ? "Close all the way" : null;
        }

        if (Closeness().Match(factor) is { Success: true } close)
        {
            var margin = close.Groups["margin"].Success ? Margin(close.Groups["margin"].Value) : 0;
            return margin <= CloseMargin ? "Close " + close.Groups["when"].Value : null;
        }

        if (Comeback().IsMatch(factor))
        {
            return "Big comeback";
        }

        return Run().IsMatch(factor) ? "A big run" : null;
    }

    // Texts that say nothing about the score: the game's context, and the late lead change (which does not say whose).
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        "Conference game", "Top-25 matchup", "Postseason", "Lead changed in the final minute", "In overtime",
    };

    private static readonly Dictionary<string, string> Overtimes = new(StringComparer.Ordinal)
    {
        ["Overtime"] = "Went to overtime",
        ["Double overtime"] = "Went to double overtime",
        ["Triple overtime"] = "Went to triple overtime",
    };

    private static int Margin(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(1 lead change|\d+ lead changes)$")]
    private static partial Regex LeadChanges();

    [GeneratedRegex(@"^Tied (once|\d+ times)$")]
    private static partial Regex Ties();

    [GeneratedRegex(@"^\d+ overtimes$")]
    private static partial Regex ManyOvertimes();

    [GeneratedRegex(@"^Decided by (?<margin>\d+) points?$")]
    private static partial Regex Decided();

    // Live closeness: "Tied with 1:12 left", "UNC by 5 in the 2nd half", "Duke by 2 at halftime".
    [GeneratedRegex(@"^(Tied|.+ by (?<margin>\d+)) (?<when>(with [0-9:.]+ left|at halftime|in the .+))$")]
    private static partial Regex Closeness();

    [GeneratedRegex(@"^.+ (came back from \d+ down|erased a \d+-point deficit)$")]
    private static partial Regex Comeback();

    [GeneratedRegex(@"^.+ on a \d+–0 run$")]
    private static partial Regex Run();
}
