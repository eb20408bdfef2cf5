using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(501, "placeholder_teams_removed")]
public sealed class M0501PlaceholderTeamsRemoved() : ScriptMigration("0501_placeholder_teams_removed.sql");
