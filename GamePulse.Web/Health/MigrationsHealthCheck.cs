using GamePulse.Data.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace GamePulse.Web.Health;

/// <summary>
/// Every migration this build knows has been applied (the one-shot <c>migrate</c> has run for this release). Reads
/// FluentMigrator's version table without creating it: a database never migrated is simply not ready.
/// </summary>
public sealed class MigrationsHealthCheck(DatabaseMigrator migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await migrations.IsUpToDateAsync(cancellationToken)
                ? HealthCheckResult.Healthy("all migrations are applied")
                : new HealthCheckResult(context.Registration.FailureStatus, "migrations are pending: run `GamePulse.Worker migrate`");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "cannot read the migration history", ex);
        }
    }
}
