using System.Reflection;
using System.Text.RegularExpressions;

namespace GamePulse.Data.Migrations;

/// <summary>Finds the migrations shipped in GamePulse.Data: embedded SQL scripts and <see cref="CodeMigration"/> classes.</summary>
public static partial class MigrationCatalog
{
    private const string ResourcePrefix = "GamePulse.Data.Migrations.";

    public static IReadOnlyList<Migration> All { get; } = Load();

    private static List<Migration> Load()
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var match = ScriptName().Match(resource[ResourcePrefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Embedded migration '{resource}' must be named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new SqlMigration(long.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd()));
        }

        migrations.AddRange(assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CodeMigration)) && !t.IsAbstract)
            .Select(t => (Migration)Activator.CreateInstance(t)!));

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate)}.");
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    [GeneratedRegex(@"^(\d+)_([a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
