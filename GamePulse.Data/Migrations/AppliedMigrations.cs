using Npgsql;

namespace GamePulse.Data.Migrations;

/// <summary>
/// What the database records as applied, read without writing anything: the readiness check and <c>migrate --list</c>
/// must not create FluentMigrator's version table, which its own version loader does on first use.
/// </summary>
internal static class AppliedMigrations
{
    /// <summary>Each applied version with when it was applied (UTC), or null when there is no version table yet.</summary>
    public static async Task<Dictionary<long, DateTimeOffset?>?> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync(connection, VersionTable.Name, cancellationToken))
        {
            return null;
        }

        // applied_on is a timestamp without time zone that FluentMigrator fills with the UTC time.
        await using var command = new NpgsqlCommand($"SELECT version, applied_on AT TIME ZONE 'UTC' FROM {VersionTable.Name}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<long, DateTimeOffset?>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1);
        }

        return applied;
    }

    public static async Task<bool> TableExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
