using System.Diagnostics;
using FluentMigrator;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamePulse.Data.Migrations;

/// <summary>
/// Applies and reports GamePulse's migrations through FluentMigrator's <see cref="IMigrationRunner"/>, adding what it
/// lacks: one advisory lock so that processes starting at once apply each migration once (<see cref="MigrationLock"/>),
/// a guard against released migrations edited after they were applied (<see cref="MigrationChecksums"/>), and the
/// one-time move from the previous runner's <c>schema_migrations</c> (<see cref="LegacyMigrationHistory"/>).
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger)
{
    private readonly Lazy<IReadOnlyList<ShippedMigration>> shipped = new(() => LoadShipped(scopes));

    /// <summary>The migrations this build ships, in version order (found by FluentMigrator's loader; no database is touched).</summary>
    public IReadOnlyList<ShippedMigration> Shipped => shipped.Value;

    /// <summary>FluentMigrator and the migrator over <paramref name="dataSource"/>, for tools that have no host (tests, bench).</summary>
    public static ServiceProvider CreateServices(NpgsqlDataSource dataSource) => CreateServices(dataSource, typeof(M0001CoreSchema));

    internal static ServiceProvider CreateServices(NpgsqlDataSource dataSource, Type anchor) =>
        new ServiceCollection().AddSingleton(dataSource).AddGamePulseMigrations(anchor).BuildServiceProvider(validateScopes: true);

    /// <summary>Applies pending migrations to <paramref name="dataSource"/>'s database (tools without a host).</summary>
    public static async Task<IReadOnlyList<ShippedMigration>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var services = CreateServices(dataSource);
        return await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }

    /// <summary>Applies pending migrations in version order, each in its own transaction; returns those it applied.</summary>
    public async Task<IReadOnlyList<ShippedMigration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var held = await MigrationLock.AcquireAsync(connection, logger, cancellationToken);
        var legacy = await LegacyMigrationHistory.ReadAsync(connection, cancellationToken);
        legacy?.Verify(Shipped);
        await using (var ensure = new NpgsqlCommand(MigrationChecksums.EnsureTableSql, connection))
        {
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }

        using var scope = scopes.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        // The runner's own version loader: it creates version_info on first use and reads what it records.
        var versionLoader = scope.ServiceProvider.GetRequiredService<IVersionLoader>();
        if (legacy is not null)
        {
            await LegacyMigrationHistory.MoveAsync(connection, cancellationToken);
            versionLoader.LoadVersionInfo();
            logger.LogInformation("Moved {Count} applied migrations from {Legacy} to {VersionTable} and dropped {Legacy}",
                legacy.Rows.Count, LegacyMigrationHistory.TableName, VersionTable.Name, LegacyMigrationHistory.TableName);
        }

        var applied = (await AppliedMigrations.ReadAsync(connection, cancellationToken))!.Keys.ToHashSet();
        await VerifyChecksumsAsync(connection, applied, cancellationToken);
        var appliedNow = new List<ShippedMigration>();
        foreach (var migration in Shipped.Where(m => !applied.Contains(m.Version)))
        {
            Apply(runner, migration);
            appliedNow.Add(migration);
        }

        return appliedNow;
    }

    /// <summary>Every shipped migration with whether and when it was applied; writes nothing.</summary>
    public async Task<MigrationListing> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var legacy = await LegacyMigrationHistory.ReadAsync(connection, cancellationToken);
        var applied = legacy is not null
            ? legacy.Rows.ToDictionary(r => r.Version, r => (DateTimeOffset?)r.AppliedAt)
            : await AppliedMigrations.ReadAsync(connection, cancellationToken) ?? [];
        return new MigrationListing(
            [.. Shipped.Select(m => new MigrationStatus(m.Version, m.Name, applied.ContainsKey(m.Version), applied.GetValueOrDefault(m.Version)))],
            legacy is not null);
    }

    /// <summary>
    /// True when FluentMigrator's version table records every shipped migration (the readiness check). Writes nothing:
    /// a database without the table, or one still recorded in schema_migrations, is not up to date.
    /// </summary>
    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await AppliedMigrations.TableExistsAsync(connection, LegacyMigrationHistory.TableName, cancellationToken))
        {
            return false;
        }

        var applied = await AppliedMigrations.ReadAsync(connection, cancellationToken);
        return applied is not null && Shipped.All(m => applied.ContainsKey(m.Version));
    }

    private async Task VerifyChecksumsAsync(NpgsqlConnection connection, HashSet<long> applied, CancellationToken cancellationToken)
    {
        var recorded = await MigrationChecksums.ReadAsync(connection, cancellationToken);
        var changed = Shipped
            .Where(m => applied.Contains(m.Version) && recorded.TryGetValue(m.Version, out var checksum) && checksum != m.Checksum)
            .Select(m => $"{m} (checksum {MigrationChecksums.Short(recorded[m.Version])} in the database, {MigrationChecksums.Short(m.Checksum)} now)")
            .ToList();
        if (changed.Count > 0)
        {
            throw new MigrationChecksumException(
                $"Migration {string.Join(", ", changed)} was changed after it was applied. " +
                "Released migrations must never be edited: restore the original and add a new migration instead.");
        }

        foreach (var migration in Shipped.Where(m => applied.Contains(m.Version) && !recorded.ContainsKey(m.Version)))
        {
            // Only a migration applied outside `migrate` (FluentMigrator's own tools, by hand) has no checksum.
            logger.LogWarning("Migration {Migration} is applied but has no recorded checksum; recording this build's", migration.ToString());
            await MigrationChecksums.RecordAsync(connection, migration.Version, migration.Checksum, cancellationToken);
        }

        foreach (var version in applied.Where(v => Shipped.All(m => m.Version != v)))
        {
            logger.LogWarning("The database has migration {Version}, which this build does not know; it was applied by a newer release", version);
        }
    }

    private void Apply(IMigrationRunner runner, ShippedMigration migration)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // One version at a time, so each is timed and a failure names its migration.
            runner.MigrateUp(migration.Version);
        }
        catch (Exception ex)
        {
            throw new MigrationFailedException(migration, ex);
        }

        logger.LogInformation("Applied migration {Migration} in {ElapsedMs} ms", migration.ToString(),
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static List<ShippedMigration> LoadShipped(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        return [.. runner.MigrationLoader.LoadMigrations().Values.Select(info => info.Migration is ChecksummedMigration checksummed && !string.IsNullOrEmpty(info.Description)
            ? new ShippedMigration(info.Version, info.Description, checksummed.Checksum, info.TransactionBehavior == TransactionBehavior.Default)
            : throw new InvalidOperationException(
                $"Migration {info.Version} ({info.Migration.GetType().Name}) must derive from ScriptMigration or CodeMigration and be named in its [Migration] attribute, so that its checksum is guarded."))];
    }
}
