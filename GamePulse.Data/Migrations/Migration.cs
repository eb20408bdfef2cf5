using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace GamePulse.Data.Migrations;

/// <summary>One versioned change to the schema or its reference data, applied once inside a transaction.</summary>
public abstract record Migration(long Version, string Name)
{
    /// <summary>Identifies the content that was applied; a released migration whose checksum changes is refused.</summary>
    public abstract string Checksum { get; }

    public abstract Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);

    public sealed override string ToString() => $"{Version:0000}_{Name}";

    protected static string Sha256(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}

/// <summary>A plain SQL script embedded in this assembly (Migrations/NNNN_name.sql).</summary>
public sealed record SqlMigration(long Version, string Name, string Sql) : Migration(Version, Name)
{
    // Line endings are normalised so a checkout on another OS does not look like an edit.
    public override string Checksum => Sha256(Sql.Replace("\r\n", "\n", StringComparison.Ordinal));

    public override async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// A migration written in C#, for steps SQL alone cannot express (seeding from embedded JSON).
/// Its checksum covers <see cref="Fingerprint"/>: bump the fingerprint only in a new migration, never in a released one.
/// </summary>
public abstract record CodeMigration(long Version, string Name, string Fingerprint) : Migration(Version, Name)
{
    public override string Checksum => Sha256($"{GetType().FullName}:{Fingerprint}");
}
