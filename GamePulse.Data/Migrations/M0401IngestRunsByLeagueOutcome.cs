using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(401, "ingest_runs_by_league_outcome")]
public sealed class M0401IngestRunsByLeagueOutcome() : ScriptMigration("0401_ingest_runs_by_league_outcome.sql");
