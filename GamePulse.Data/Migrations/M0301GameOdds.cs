using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(301, "game_odds")]
public sealed class M0301GameOdds() : ScriptMigration("0301_game_odds.sql");
