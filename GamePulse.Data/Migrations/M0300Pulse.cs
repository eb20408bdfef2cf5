using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(300, "pulse")]
public sealed class M0300Pulse() : ScriptMigration("0300_pulse.sql");
