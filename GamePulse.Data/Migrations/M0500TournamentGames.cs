using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(500, "tournament_games")]
public sealed class M0500TournamentGames() : ScriptMigration("0500_tournament_games.sql");
