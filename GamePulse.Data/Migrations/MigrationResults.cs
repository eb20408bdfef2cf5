using Npgsql;

namespace GamePulse.Data.Migrations;

/// <summary>A migration this build ships: its FluentMigrator version, its name and the checksum of its content.</summary>
public sealed record ShippedMigration(long Version, string Name, string Checksum, bool Transactional)
{
    public override string ToString() => $"{Version:0000}_{Name}";
}

public sealed record MigrationStatus(long Version, string Name, bool Applied, DateTimeOffset? AppliedAt);

/// <summary>
/// Every shipped migration, applied or pending. <paramref name="InPreviousRunnersTable"/>: the database still records
/// them in the previous runner's <c>schema_migrations</c>, which the next <c>migrate</c> moves to <c>version_info</c>.
/// </summary>
public sealed record MigrationListing(IReadOnlyList<MigrationStatus> Migrations, bool InPreviousRunnersTable);

/// <summary>An applied migration's content differs from what this build ships; nothing is applied.</summary>
public sealed class MigrationChecksumException(string message) : Exception(message);

/// <summary>A migration failed; what the database said, without the script FluentMigrator puts in its own message.</summary>
public sealed class MigrationFailedException(ShippedMigration migration, Exception inner)
    : Exception($"Migration {migration} failed: {Reason(inner)}. " + (migration.Transactional
        ? "It was rolled back and is not recorded; later migrations were not applied."
        : "It ran without a transaction, so what it did before failing stays; it is not recorded and later migrations were not applied."), inner)
{
    public ShippedMigration Migration { get; } = migration;

    private static string Reason(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                return $"{postgres.SqlState}: {postgres.MessageText}";
            }
        }

        return exception.Message;
    }
}
