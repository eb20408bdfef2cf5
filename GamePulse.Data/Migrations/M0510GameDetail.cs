using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(510, "game_detail")]
public sealed class M0510GameDetail() : ScriptMigration("0510_game_detail.sql");
