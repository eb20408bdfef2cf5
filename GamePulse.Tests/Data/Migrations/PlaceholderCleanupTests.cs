using GamePulse.Data.Migrations;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data.Migrations;

/// <summary>Migration 0501 on the data older versions wrote: placeholder teams created from the feed, with games and follows.</summary>
[TestClass]
public sealed class PlaceholderCleanupTests
{
    [TestMethod]
    public async Task Placeholder_teams_are_removed_and_their_games_keep_an_unknown_side()
    {
        await using var database = await TestDatabase.CreateAsync();
        var duke = await database.MensTeamIdAsync("150");
        // What an older version wrote for ESPN's placeholders: teams of origin 'feed' named after the slot.
        await database.ExecuteAsync("""
            INSERT INTO teams (league_id, slug, display_name, short_name, espn_id, origin) VALUES
                (1, 'tbd', 'TBD', 'TBD', '-2', 'feed'),
                (1, 'winner-of-game-1', 'Winner of Game 1', 'Winner of Game 1', '-1', 'feed'),
                (1, 'new-school', 'New School Owls', 'New School', '999999', 'feed');
            INSERT INTO games (league_id, espn_id, game_date, state, home_team_id, away_team_id, season)
            SELECT 1, '1', '2026-03-21', 'scheduled', @duke, id, 2026 FROM teams WHERE espn_id = '-2';
            INSERT INTO games (league_id, espn_id, game_date, state, home_team_id, away_team_id, season)
            SELECT 1, '2', '2026-03-19', 'scheduled', id, @duke, 2026 FROM teams WHERE espn_id = '-1';
            INSERT INTO games (league_id, espn_id, game_date, state, home_team_id, away_team_id, season)
            SELECT 1, '3', '2026-03-19', 'final', @duke, id, 2026 FROM teams WHERE espn_id = '999999';
            """, new { duke });
        var ids = await database.QueryAsync<long>("SELECT id FROM games ORDER BY espn_id");

        await database.ExecuteAsync("BEGIN;\n" + new M0501PlaceholderTeamsRemoved().Script + "\nCOMMIT;");

        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM teams WHERE espn_id IN ('-1', '-2')"), "placeholder teams are gone");
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM teams WHERE espn_id = '999999'"), "a real team the feed created stays");
        CollectionAssert.AreEqual(ids.ToList(), (await database.QueryAsync<long>("SELECT id FROM games ORDER BY espn_id")).ToList(), "every game stays, with its id");
        var first = await database.ScalarAsync<bool>("SELECT away_team_id IS NULL AND away_placeholder IS NULL AND home_team_id = @duke FROM games WHERE espn_id = '1'", new { duke });
        Assert.IsTrue(first, "the TBD side of game 1 is unknown, with no label");
        Assert.AreEqual("Winner of Game 1", await database.ScalarAsync<string>("SELECT home_placeholder FROM games WHERE espn_id = '2' AND home_team_id IS NULL"), "a telling name is kept as the slot's label");
    }
}
