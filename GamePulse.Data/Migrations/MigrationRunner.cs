using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamePulse.Data.Migrations;

public sealed record MigrationStatus(long Version, string Name, bool Applied, DateTime? AppliedAt);

public sealed class MigrationChecksumException(string message) : Exception(message);

/// <summary>
/// Applies pending migrations in version order, each in its own transaction, under one PostgreSQL advisory lock so
/// that several processes starting at once apply every migration exactly once.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger, IReadOnlyList<Migration>? migrations = null)
{
    // An arbitrary constant shared by every GamePulse process: "GPMIGRAT" read as ASCII.
    private const long AdvisoryLockKey = 0x47504D4947524154;

    private readonly IReadOnlyList<Migration> migrations = migrations ?? MigrationCatalog.All;

    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, commandTimeout: 0, cancellationToken: cancellationToken));
        try
        {
            await EnsureHistoryTableAsync(connection, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            VerifyChecksums(applied);

            var appliedNow = new List<Migration>();
            foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await migration.ApplyAsync(connection, transaction, cancellationToken);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)",
                    new { migration.Version, migration.Name, migration.Checksum }, transaction);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Migration} in {ElapsedMs} ms", migration.ToString(),
                    (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                appliedNow.Add(migration);
            }

            return appliedNow;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
        }
    }

    public async Task<IReadOnlyList<MigrationStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await EnsureHistoryTableAsync(connection, cancellationToken);
        var applied = await ReadAppliedAsync(connection, cancellationToken);
        return [.. migrations.Select(m => new MigrationStatus(m.Version, m.Name, applied.ContainsKey(m.Version), applied.GetValueOrDefault(m.Version)?.AppliedAt))];
    }

    /// <summary>True when every known migration has been applied (used by readiness checks).</summary>
    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('schema_migrations') IS NOT NULL");
        if (!exists)
        {
            return false;
        }

        var applied = await ReadAppliedAsync(connection, cancellationToken);
        return migrations.All(m => applied.ContainsKey(m.Version));
    }

    private static Task EnsureHistoryTableAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     bigint PRIMARY KEY,
                name        text NOT NULL,
                checksum    text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken: cancellationToken));

    private static async Task<Dictionary<long, AppliedMigration>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AppliedMigration>(new CommandDefinition(
            "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Version);
    }

    private void VerifyChecksums(Dictionary<long, AppliedMigration> applied)
    {
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Version, out var row) && row.Checksum != migration.Checksum)
            {
                throw new MigrationChecksumException(
                    $"Migration {migration} was changed after it was applied (checksum {row.Checksum[..12]}… in the database, {migration.Checksum[..12]}… now). " +
                    "Released migrations must never be edited: restore the original and add a new migration instead.");
            }
        }

        foreach (var unknown in applied.Values.Where(a => migrations.All(m => m.Version != a.Version)))
        {
            logger.LogWarning("The database has migration {Version} {Name}, which this build does not know; it was applied by a newer release", unknown.Version, unknown.Name);
        }
    }

    private sealed record AppliedMigration(long Version, string Name, string Checksum, DateTime AppliedAt);
}
