using System.Reflection;
using FluentMigrator;

namespace GamePulse.Data.Migrations;

/// <summary>
/// A GamePulse migration. FluentMigrator applies it and records its version; <see cref="Up"/> also records the
/// migration's checksum in <c>migration_checksums</c>, in the same transaction, because FluentMigrator keeps no checksum
/// and an applied migration whose content later changes must be refused (<see cref="DatabaseMigrator"/>).
/// Derive from <see cref="ScriptMigration"/> or <see cref="CodeMigration"/>.
/// </summary>
public abstract class ChecksummedMigration : ForwardOnlyMigration
{
    private protected ChecksummedMigration()
    {
    }

    /// <summary>Identifies the content that is applied: a released migration whose checksum changes is refused.</summary>
    public abstract string Checksum { get; }

    public long Version => GetType().GetCustomAttribute<MigrationAttribute>()?.Version
        ?? throw new InvalidOperationException($"{GetType().Name} has no [Migration(version, \"name\")] attribute.");

    public sealed override void Up()
    {
        Apply();
        Execute.Sql(MigrationChecksums.RecordSql(Version, Checksum));
    }

    /// <summary>The migration's own expressions (FluentMigrator collects them; nothing runs until it executes them).</summary>
    protected abstract void Apply();
}
