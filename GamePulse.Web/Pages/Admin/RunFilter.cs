using System.Globalization;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using Microsoft.Extensions.Primitives;

namespace GamePulse.Web.Pages.Admin;

/// <summary>
/// The ingest-run filter of /admin, from its GET query: <c>league</c> (a league code: mens, womens), <c>outcome</c>
/// (succeeded, partial, failed) and <c>page</c> (1 = newest). An empty value means "any"; anything else is an error.
/// </summary>
public sealed record RunFilter(League? League, string? Outcome, int Page)
{
    public const int PageSize = 50;
    public const int MaxPage = 10_000;

    public static readonly IReadOnlyList<string> Outcomes = [IngestOutcome.Succeeded, IngestOutcome.Partial, IngestOutcome.Failed];

    public int Offset => (Page - 1) * PageSize;

    /// <summary>The filter, or null with one readable message per bad parameter.</summary>
    public static RunFilter? Parse(IQueryCollection query, IReadOnlyList<League> leagues, List<string> errors)
    {
        League? league = null;
        if (Single(query, "league", errors) is { } code)
        {
            league = leagues.FirstOrDefault(l => l.Code == code);
            if (league is null)
            {
                errors.Add($"Unknown league \"{code}\": use one of {string.Join(", ", leagues.Select(l => l.Code))}.");
            }
        }

        var outcome = Single(query, "outcome", errors);
        if (outcome is not null && !Outcomes.Contains(outcome))
        {
            errors.Add($"Unknown outcome \"{outcome}\": use one of {string.Join(", ", Outcomes)}.");
        }

        var page = 1;
        if (Single(query, "page", errors) is { } pageText
            && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > MaxPage))
        {
            errors.Add($"Page must be a whole number from 1 to {MaxPage}.");
        }

        return errors.Count == 0 ? new RunFilter(league, outcome, page) : null;
    }

    /// <summary>The query string of this filter on another page (for the pager links).</summary>
    public string QueryFor(int page)
    {
        var parts = new List<string>();
        if (League is not null)
        {
            parts.Add($"league={Uri.EscapeDataString(League.Code)}");
        }

        if (Outcome is not null)
        {
            parts.Add($"outcome={Uri.EscapeDataString(Outcome)}");
        }

        if (page > 1)
        {
            parts.Add($"page={page.ToString(CultureInfo.InvariantCulture)}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static string? Single(IQueryCollection query, string name, List<string> errors)
    {
        var values = query.TryGetValue(name, out var v) ? v : StringValues.Empty;
        if (values.Count > 1)
        {
            errors.Add($"Give \"{name}\" at most once.");
            return null;
        }

        var value = values.ToString().Trim();
        return value.Length == 0 ? null : value;
    }
}
