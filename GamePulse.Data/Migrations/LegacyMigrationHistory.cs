using Npgsql;

namespace GamePulse.Data.Migrations;

/// <summary>
/// The history table of the runner GamePulse had before FluentMigrator: <c>schema_migrations (version, name, checksum,
/// applied_at)</c>. One <c>migrate</c> verifies it against this build, moves it into <c>version_info</c> and
/// <c>migration_checksums</c>, and drops it, in one transaction; nothing is applied again and no other table is touched.
/// </summary>
internal sealed record LegacyMigrationHistory(IReadOnlyList<LegacyMigrationHistory.Row> Rows)
{
    public const string TableName = "schema_migrations";

    public static async Task<LegacyMigrationHistory?> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await AppliedMigrations.TableExistsAsync(connection, TableName, cancellationToken))
        {
            return null;
        }

        await using var command = new NpgsqlCommand($"SELECT version, name, checksum, applied_at FROM {TableName} ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<Row>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return new LegacyMigrationHistory(rows);
    }

    /// <summary>Refuses, before anything is written, a database whose recorded checksum is not what this build ships.</summary>
    public void Verify(IReadOnlyList<ShippedMigration> shipped)
    {
        var changed = Rows
            .Join(shipped, row => row.Version, migration => migration.Version, (row, migration) => (row, migration))
            .Where(pair => pair.row.Checksum != pair.migration.Checksum)
            .Select(pair => $"{pair.migration} (checksum {MigrationChecksums.Short(pair.row.Checksum)} in {TableName}, {MigrationChecksums.Short(pair.migration.Checksum)} in this build)")
            .ToList();
        if (changed.Count > 0)
        {
            throw new MigrationChecksumException(
                $"Cannot move {TableName} to FluentMigrator's {VersionTable.Name}: migration {string.Join(", ", changed)} was changed after it was applied. " +
                "Released migrations must never be edited: restore the original and add a new migration instead. Nothing was changed.");
        }
    }

    public static async Task MoveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // ON CONFLICT: a move interrupted before its commit left nothing, but FluentMigrator may have created its table.
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {VersionTable.Name} (version, applied_on, description)
            SELECT version, applied_at AT TIME ZONE 'UTC', name FROM {TableName}
            ON CONFLICT (version) DO NOTHING;
            INSERT INTO migration_checksums (version, checksum, recorded_at)
            SELECT version, checksum, applied_at FROM {TableName}
            ON CONFLICT (version) DO NOTHING;
            DROP TABLE {TableName};
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal sealed record Row(long Version, string Name, string Checksum, DateTimeOffset AppliedAt);
}
