using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(610, "viewer_settings")]
public sealed class M0610ViewerSettings() : ScriptMigration("0610_viewer_settings.sql");
