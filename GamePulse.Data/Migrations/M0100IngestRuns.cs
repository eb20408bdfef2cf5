using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(100, "ingest_runs")]
public sealed class M0100IngestRuns() : ScriptMigration("0100_ingest_runs.sql");
