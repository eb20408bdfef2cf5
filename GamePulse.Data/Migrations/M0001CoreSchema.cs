using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(1, "core_schema")]
public sealed class M0001CoreSchema() : ScriptMigration("0001_core_schema.sql");
