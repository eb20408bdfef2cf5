using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace GamePulse.Web.Health;

/// <summary>
/// Degraded (never Unhealthy: the site still serves the scores it has) when a league's last successful ingest run is
/// older than its schedule allows. Data per league: "fresh", "stale" or "never", with the age and the allowance.
/// </summary>
public sealed class IngestFreshnessCheck(IngestFreshness freshness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<LeagueFreshness> leagues;
        try
        {
            leagues = await freshness.EvaluateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "cannot read the ingest runs", ex);
        }

        var data = leagues.ToDictionary(l => l.LeagueCode, l => (object)Describe(l));
        var stale = leagues.Where(l => !l.IsFresh).Select(l => l.LeagueCode).ToList();
        return stale.Count == 0
            ? HealthCheckResult.Healthy("every league was ingested within its schedule", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"ingest is behind for: {string.Join(", ", stale)}", data: data);
    }

    // Plain values only: the response writer serialises them as they are.
    private static Dictionary<string, object?> Describe(LeagueFreshness league) => new()
    {
        ["state"] = league.State,
        ["lastSuccessAt"] = league.LastSuccessAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["ageMinutes"] = league.Age is { } age ? Minutes(age) : null,
        ["allowedMinutes"] = Minutes(league.Allowed),
        ["gamesLive"] = league.HasLiveGames,
    };

    private static double Minutes(TimeSpan span) => Math.Round(span.TotalMinutes, 1);
}

public static class IngestFreshnessRegistration
{
    /// <summary>The readiness check plus what it (and the admin page) needs: the validated allowances and the rule.</summary>
    public static IHealthChecksBuilder AddIngestFreshness(this IHealthChecksBuilder health, TimeSpan timeout)
    {
        health.Services.AddOptions<IngestFreshnessOptions>().BindConfiguration(IngestFreshnessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        health.Services.AddSingleton<IngestFreshness>();
        return health.AddCheck<IngestFreshnessCheck>("ingest", HealthStatus.Degraded, [HealthEndpoints.ReadinessTag], timeout);
    }
}
