using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace GamePulse.Web.Pages.Games;

/// <summary>
/// The game page's own query parameters, all optional and all views of the same page (its canonical URL drops them):
/// <c>sort</c> orders both box scores by a column, <c>plays=scoring</c> keeps only scoring plays, <c>period</c> shows
/// one period of a long play-by-play (a number) or all of it (<c>all</c>). Anything else is a 400, never a fallback.
/// </summary>
public sealed record GamePageQuery(string Sort, bool ScoringOnly, string? Period)
{
    public const string SortKey = "sort";
    public const string PlaysKey = "plays";
    public const string PeriodKey = "period";
    public const string Scoring = "scoring";
    public const string AllPeriods = "all";

    public static GamePageQuery Default { get; } = new(BoxScoreSort.Default, false, null);

    /// <summary>The one period asked for, when a number was.</summary>
    public int? PeriodNumber => int.TryParse(Period, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static bool TryRead(IQueryCollection query, out GamePageQuery read)
    {
        read = Default;
        if (!Single(query[SortKey], out var sort) || !Single(query[PlaysKey], out var plays) || !Single(query[PeriodKey], out var period))
        {
            return false;
        }

        if ((sort is not null && !BoxScoreSort.IsKnown(sort)) || (plays is not null && plays != Scoring))
        {
            return false;
        }

        // Periods 1-9 (regulation and up to seven overtimes, more than any game has had) or "all"; "01" is not a period.
        if (period is not null && period != AllPeriods && !(period.Length == 1 && period[0] is >= '1' and <= '9'))
        {
            return false;
        }

        read = new GamePageQuery(sort ?? BoxScoreSort.Default, plays is not null, period);
        return true;
    }

    /// <summary>The query string of this view ("" for the default), in a fixed order so each view has one URL.</summary>
    public string ToQueryString() => With();

    /// <summary>This view's query string with some parameters changed (null clears one).</summary>
    public string With(string? sort = null, bool? scoringOnly = null, string? period = null, bool clearPeriod = false)
    {
        var parts = new List<string>(3);
        var s = sort ?? Sort;
        if (s != BoxScoreSort.Default)
        {
            parts.Add($"{SortKey}={s}");
        }

        if (scoringOnly ?? ScoringOnly)
        {
            parts.Add($"{PlaysKey}={Scoring}");
        }

        var p = clearPeriod ? null : period ?? Period;
        if (p is not null)
        {
            parts.Add($"{PeriodKey}={p}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static bool Single(StringValues values, out string? value)
    {
        value = values.Count == 1 ? values[0] : null;
        return values.Count <= 1 && (values.Count == 0 || value is { Length: > 0 });
    }
}
