using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(511, "summary_fetches")]
public sealed class M0511SummaryFetches() : ScriptMigration("0511_summary_fetches.sql");
