using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(402, "schedule_slots_replace_quartz")]
public sealed class M0402ScheduleSlotsReplaceQuartz() : ScriptMigration("0402_schedule_slots_replace_quartz.sql");
