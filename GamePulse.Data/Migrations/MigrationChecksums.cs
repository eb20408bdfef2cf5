using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace GamePulse.Data.Migrations;

/// <summary>
/// Our own table beside FluentMigrator's version table: <c>migration_checksums (version, checksum, recorded_at)</c>,
/// written by each migration in its own transaction (<see cref="ChecksummedMigration"/>) and compared at every
/// <c>migrate</c> with what this build ships.
/// </summary>
internal static class MigrationChecksums
{
    public const string EnsureTableSql = """
        CREATE TABLE IF NOT EXISTS migration_checksums (
            version      bigint PRIMARY KEY,
            checksum     text NOT NULL,
            recorded_at  timestamptz NOT NULL DEFAULT now()
        )
        """;

    public static string Sha256(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>The first 12 characters, for messages (a checksum edited by hand may be shorter).</summary>
    public static string Short(string checksum) => checksum.Length > 12 ? checksum[..12] + "…" : checksum;

    public static string OfScript(string script) => Sha256(script.Replace("\r\n", "\n", StringComparison.Ordinal));

    /// <summary>
    /// The statement a migration appends to its own expressions. A row can already exist only when a migration that ran
    /// without a transaction failed after it; running it again records what ran then.
    /// </summary>
    public static string RecordSql(long version, string checksum) => string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO migration_checksums (version, checksum) VALUES ({version}, '{HexOnly(checksum)}')
        ON CONFLICT (version) DO UPDATE SET checksum = EXCLUDED.checksum, recorded_at = now()
        """);

    public static async Task<Dictionary<long, string>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM migration_checksums", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var checksums = new Dictionary<long, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            checksums[reader.GetInt64(0)] = reader.GetString(1);
        }

        return checksums;
    }

    public static async Task RecordAsync(NpgsqlConnection connection, long version, string checksum, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(RecordSql(version, checksum), connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The checksum is inlined into SQL that FluentMigrator runs; it is ours and hexadecimal, and this keeps it so.
    private static string HexOnly(string checksum) =>
        checksum.All(char.IsAsciiHexDigit) ? checksum : throw new ArgumentException($"'{checksum}' is not a hexadecimal checksum.", nameof(checksum));
}
