using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GamePulse.Data.Migrations;
using GamePulse.Data.Seed;
using Npgsql;

namespace GamePulse.Tests.Data.Migrations;

/// <summary>
/// Builds a database exactly as GamePulse's runner before FluentMigrator left it: its <c>schema_migrations</c> table (the
/// DDL frozen here from that runner), and each migration applied in version order, in its own transaction, with the row
/// and checksum that runner wrote. Its catalog was the SQL scripts embedded in GamePulse.Data plus one C# step, the seed.
/// </summary>
internal static partial class OldRunnerDatabase
{
    private const string SchemaMigrationsDdl = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     bigint PRIMARY KEY,
            name        text NOT NULL,
            checksum    text NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now()
        )
        """;

    private const string ResourcePrefix = "GamePulse.Data.Migrations.";

    /// <summary>The versions that runner's last release shipped; migrations added since were never its to apply.</summary>
    public static IReadOnlyList<long> Versions { get; } = [1, 2, 100, 200, 300, 301, 400, 401];

    public static string ScriptChecksum(string sql) => Sha256(sql.Replace("\r\n", "\n", StringComparison.Ordinal));

    /// <summary>Applies the old catalog up to <paramref name="lastVersion"/> the way the old runner did.</summary>
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, long lastVersion = long.MaxValue)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand(SchemaMigrationsDdl, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        foreach (var migration in Catalog().Where(m => m.Version <= lastVersion))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            if (migration.Sql is { } sql)
            {
                await using var script = new NpgsqlCommand(sql, connection, transaction);
                await script.ExecuteNonQueryAsync();
            }
            else
            {
                ReferenceDataSeeder.Apply(connection, transaction);
            }

            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)", connection, transaction);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }

    private static List<OldMigration> Catalog()
    {
        var assembly = typeof(ScriptMigration).Assembly;
        var migrations = new List<OldMigration>
        {
            // The old CodeMigration checksum: sha256 of "<type full name>:<fingerprint>".
            new(2, "seed_conferences_and_teams", null, Sha256("GamePulse.Data.Migrations.M0002SeedConferencesAndTeams:v1")),
        };
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var match = ScriptName().Match(resource[ResourcePrefix.Length..]);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var sql = reader.ReadToEnd();
            migrations.Add(new(long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, sql, ScriptChecksum(sql)));
        }

        return [.. migrations.Where(m => Versions.Contains(m.Version)).OrderBy(m => m.Version)];
    }

    private static string Sha256(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    [GeneratedRegex(@"^(\d+)_([a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();

    private sealed record OldMigration(long Version, string Name, string? Sql, string Checksum);
}
