namespace GamePulse.Data.Migrations;

/// <summary>
/// A migration written in C#, for steps SQL alone cannot express (seeding from embedded JSON). Its checksum covers the
/// class's full name and <paramref name="fingerprint"/> (the formula of the runner before FluentMigrator, so databases it
/// migrated carry their checksums over unchanged): change the fingerprint only in a new migration, never in a released one.
/// </summary>
public abstract class CodeMigration(string fingerprint) : ChecksummedMigration
{
    public override string Checksum => MigrationChecksums.Sha256($"{GetType().FullName}:{fingerprint}");
}
