using GamePulse.Data.Teams;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.DataProvider.PostgreSQL;
using LinqToDB.Mapping;

namespace GamePulse.Data.Games;

public sealed partial class GameRepository(GamePulseDbFactory databases)
{
    /// <summary>The games of one league on one US-Eastern calendar date, in start order (TBA last).</summary>
    public async Task<IReadOnlyList<GameSummary>> GetScoreboardAsync(short leagueId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.Joined()
            .Where(j => j.Game.LeagueId == leagueId && j.Game.GameDate == date)
            .OrderBy(j => j.Game.StartTime).ThenBy(j => j.Game.Id)
            .Select(GameSummaries.ToSummary)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// State and start of each game of one league's date: all the scheduler needs to decide whether the date is due.
    /// It asks every tick (20 s) for two dates per league, so it reads two columns of games and no team rows.
    /// </summary>
    public async Task<IReadOnlyList<GameTiming>> GetTimingsAsync(short leagueId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.Games.Where(g => g.LeagueId == leagueId && g.GameDate == date)
            .Select(g => new GameTiming(g.State, g.StartTime))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The games of every league on one date (the home page), league by league.</summary>
    public async Task<IReadOnlyList<GameSummary>> GetAllLeaguesOnDateAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.Joined()
            .Where(j => j.Game.GameDate == date)
            .OrderBy(j => j.League.SortOrder).ThenBy(j => j.Game.StartTime).ThenBy(j => j.Game.Id)
            .Select(GameSummaries.ToSummary)
            .ToListAsync(cancellationToken);
    }

    public async Task<GameSummary?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.Joined().Where(j => j.Game.Id == id).Select(GameSummaries.ToSummary).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A team's games of one season, in date order.</summary>
    public async Task<IReadOnlyList<GameSummary>> GetTeamSeasonAsync(int teamId, int season, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.Joined()
            .Where(j => (j.Game.HomeTeamId == teamId || j.Game.AwayTeamId == teamId) && j.Game.Season == season)
            .OrderBy(j => j.Game.GameDate).ThenBy(j => j.Game.StartTime)
            .Select(GameSummaries.ToSummary)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The games of any of these teams between two dates (the rankings' week), in start order.</summary>
    public async Task<IReadOnlyList<GameSummary>> GetTeamsGamesAsync(short leagueId, IReadOnlyCollection<int> teamIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var ids = teamIds.Select(id => (int?)id).ToArray();
        await using var db = databases.Open();
        return await db.Joined()
            .Where(j => j.Game.LeagueId == leagueId && j.Game.GameDate >= from && j.Game.GameDate <= to
                && (ids.Contains(j.Game.HomeTeamId) || ids.Contains(j.Game.AwayTeamId)))
            .OrderBy(j => j.Game.StartTime).ThenBy(j => j.Game.Id)
            .Select(GameSummaries.ToSummary)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The nearest earlier and later dates that have games of the league, skipping empty days.</summary>
    public async Task<AdjacentDates> GetAdjacentDatesAsync(short leagueId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        // Raw SQL: both neighbours in one round trip; LINQ needs a query each, which cost every uncached scoreboard
        // render 0.36 ms more CPU in the app (bench/README.md, the linq2db move).
        var rows = await db.QueryToListAsync<AdjacentRow>("""
            SELECT (SELECT max(game_date) FROM games WHERE league_id = @leagueId AND game_date < @date) AS previous,
                   (SELECT min(game_date) FROM games WHERE league_id = @leagueId AND game_date > @date) AS next
            """, new { leagueId, date }, cancellationToken);
        return new AdjacentDates(rows[0].Previous, rows[0].Next);
    }

    private sealed record AdjacentRow
    {
        [Column("previous")]
        public DateOnly? Previous { get; init; }

        [Column("next")]
        public DateOnly? Next { get; init; }
    }

    /// <summary>Which of these source game ids are stored already (the ingester precomputes Pulse only for the others).</summary>
    public async Task<IReadOnlySet<string>> FindStoredExternalIdsAsync(GamePulseDb db, short leagueId, ScoreSource source, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken = default)
    {
        var ids = externalIds.ToArray();
        var league = db.Games.Where(g => g.LeagueId == leagueId);
        // = ANY(@ids), one statement text whatever the number of ids (array.Contains would inline a list of parameters).
        var stored = source == ScoreSource.Espn
            ? league.Where(g => Sql.Ext.PostgreSQL().ValueIsEqualToAny(g.EspnId, ids)).Select(g => g.EspnId!)
            : league.Where(g => Sql.Ext.PostgreSQL().ValueIsEqualToAny(g.NcaaId, ids)).Select(g => g.NcaaId!);
        return (await stored.ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A game's observed changes, oldest first.</summary>
    public async Task<IReadOnlyList<GameSnapshot>> GetSnapshotsAsync(long gameId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.GameSnapshots.Where(s => s.GameId == gameId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
    }
}
