using GamePulse.Data.Accounts;
using GamePulse.Data.Games.Detail;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Web.Health;
using GamePulse.Web.Pages.Account;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Admin;

/// <summary>A failed email as shown to admins: masked address, never the body (it holds the sign-in link and code).</summary>
public sealed record FailedEmailView(long Id, string MaskedAddress, string Subject, int Attempts, string? LastError, DateTimeOffset CreatedAt, string? TraceLogsUrl);

/// <summary>Everything /admin shows.</summary>
public sealed record AdminDashboard(
    IngestRunPage Runs,
    IReadOnlyDictionary<short, string> LeagueCodes,
    IReadOnlyList<LeagueFreshness> Freshness,
    int PendingEmails,
    int SendingEmails,
    int FailedEmails,
    IReadOnlyList<FailedEmailView> LatestFailedEmails,
    IReadOnlyList<LogsInsightsLink> LogLinks)
{
    /// <summary>The latest summary batches (summary_runs), newest first: one row per batch, beside the ingest runs.</summary>
    public IReadOnlyList<SummaryRun> SummaryRuns { get; init; } = [];
}

/// <summary>Reads the dashboard: one page of runs, the latest summary batches, freshness per league, the outbox, and the console links.</summary>
public sealed class AdminDashboardQuery(
    IngestRunRepository runs,
    SummaryFetchRepository summaries,
    IngestFreshness freshness,
    EmailOutboxRepository outbox,
    IOptions<CloudWatchOptions> cloudWatch)
{
    public const int LatestFailedCount = 20;

    public const int LatestSummaryRunCount = 20;

    public async Task<AdminDashboard> LoadAsync(RunFilter filter, IReadOnlyList<League> leagues, CancellationToken cancellationToken)
    {
        var page = await runs.SearchAsync(filter.League?.Id, filter.Outcome, filter.Offset, RunFilter.PageSize, cancellationToken);
        var leagueFreshness = await freshness.EvaluateAsync(cancellationToken);
        var overview = await outbox.GetOverviewAsync(LatestFailedCount, cancellationToken);
        var summaryRuns = await summaries.GetRecentRunsAsync(LatestSummaryRunCount, cancellationToken);
        var options = cloudWatch.Value;
        var failed = overview.LatestFailed
            .Select(m => new FailedEmailView(m.Id, EmailAddresses.Mask(m.ToAddress), m.Subject, m.Attempts, m.LastError, m.CreatedAt,
                m.TraceId is { } trace && IsTraceId(trace) ? LogsInsightsLinks.ForTrace(options, trace) : null))
            .ToList();
        return new AdminDashboard(page, leagues.ToDictionary(l => l.Id, l => l.Code), leagueFreshness,
            overview.Pending, overview.Sending, overview.Failed, failed, LogsInsightsLinks.All(options))
        { SummaryRuns = summaryRuns };
    }

    // Only a W3C trace id goes into a query string; anything else in the column is not ours to interpolate.
    private static bool IsTraceId(string value) => value.Length == 32 && value.All(char.IsAsciiHexDigitLower);
}
