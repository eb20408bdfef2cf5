using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(600, "team_logos")]
public sealed class M0600TeamLogos() : ScriptMigration("0600_team_logos.sql");
