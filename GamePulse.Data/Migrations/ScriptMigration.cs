namespace GamePulse.Data.Migrations;

/// <summary>
/// A migration that runs one SQL script embedded beside its class (same folder, hence the class's namespace), as one
/// command. The checksum covers the script's text with line endings normalised, so a checkout on another OS does not
/// look like an edit.
/// </summary>
public abstract class ScriptMigration(string scriptFileName) : ChecksummedMigration
{
    /// <summary>The script's manifest resource name; FluentMigrator's lookup is given it whole, so it is unambiguous.</summary>
    public string ResourceName => $"{GetType().Namespace}.{scriptFileName}";

    public string Script
    {
        get
        {
            using var stream = GetType().Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"{GetType().Name}: the script {ResourceName} is not embedded in {GetType().Assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public override string Checksum => MigrationChecksums.OfScript(Script);

    protected override void Apply() => Execute.EmbeddedScript(ResourceName);
}
