using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GamePulse.Web.Health;

/// <summary>
/// <c>/healthz</c>: the process answers (no dependencies; the container HEALTHCHECK uses it, so a database outage never
/// restarts the Web). <c>/readyz</c>: every check tagged <see cref="ReadinessTag"/> (database, migrations, ...), as JSON;
/// 503 when one is unhealthy, 200 when all are healthy or merely degraded.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadinessTag = "ready";

    // A readiness probe must answer quickly even when PostgreSQL hangs; monitors time out at about 5 s.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Registers the readiness checks. A new check is one more line here (or on the returned builder), e.g.
    /// <c>.AddCheck&lt;IngestFreshnessCheck&gt;("ingest", HealthStatus.Degraded, [ReadinessTag])</c>.
    /// </summary>
    public static IHealthChecksBuilder AddGamePulseHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [ReadinessTag], CheckTimeout)
            .AddCheck<MigrationsHealthCheck>("migrations", HealthStatus.Unhealthy, [ReadinessTag], CheckTimeout)
            .AddIngestFreshness(CheckTimeout);

    /// <summary>GET and HEAD only: routing answers any other method with 405 and an Allow header.</summary>
    public static IEndpointRouteBuilder MapGamePulseHealth(this IEndpointRouteBuilder endpoints)
    {
        HttpMethodMetadata probes = new([HttpMethods.Get, HttpMethods.Head]);
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).WithMetadata(probes);
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadinessTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).WithMetadata(probes);
        return endpoints;
    }
}
