using GamePulse.Data;
using LinqToDB.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace GamePulse.Web.Health;

/// <summary>PostgreSQL answers a trivial query through the application's own connection pool.</summary>
public sealed class DatabaseHealthCheck(GamePulseDbFactory databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = databases.Open();
            await db.ExecuteAsync<int>("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy("the database answers");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The exception goes to the log (the health check service logs unhealthy results), not into the public body.
            return new HealthCheckResult(context.Registration.FailureStatus, "cannot reach the database", ex);
        }
    }
}
