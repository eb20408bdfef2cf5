using Dapper;
using GamePulse.Data.Teams;
using Npgsql;

namespace GamePulse.Data.Games;

public sealed partial class GameRepository(NpgsqlDataSource dataSource)
{
    // Internal so Pulse's "best games" reads return the same card model as the scoreboards.
    internal const string SelectSummaries = """
        SELECT g.id, g.league_id, l.slug AS league_slug, g.start_time, g.game_date, g.state, g.period, g.clock, g.detail,
               g.neutral_site, g.conference_game, g.broadcast, g.notes, g.home_spread, g.over_under, g.season, g.season_type,
               g.venue_name, g.venue_city, g.venue_state, g.home_line_scores, g.away_line_scores, g.updated_at,
               g.pulse_score, g.pulse_factors,
               h.id AS home_team_id, h.slug AS home_slug, h.display_name AS home_display_name, h.short_name AS home_short_name,
               h.abbreviation AS home_abbreviation, h.primary_color AS home_color, h.logo_url AS home_logo_url,
               g.home_score, g.home_rank, g.home_seed, g.home_record, h.conference_id AS home_conference_id,
               a.id AS away_team_id, a.slug AS away_slug, a.display_name AS away_display_name, a.short_name AS away_short_name,
               a.abbreviation AS away_abbreviation, a.primary_color AS away_color, a.logo_url AS away_logo_url,
               g.away_score, g.away_rank, g.away_seed, g.away_record, a.conference_id AS away_conference_id
        FROM games g
        JOIN leagues l ON l.id = g.league_id
        JOIN teams h ON h.id = g.home_team_id
        JOIN teams a ON a.id = g.away_team_id
        """;

    /// <summary>The games of one league on one US-Eastern calendar date, in start order (TBA last).</summary>
    public async Task<IReadOnlyList<GameSummary>> GetScoreboardAsync(short leagueId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<GameSummary>(new CommandDefinition(
            $"{SelectSummaries} WHERE g.league_id = @leagueId AND g.game_date = @date ORDER BY g.start_time NULLS LAST, g.id",
            new { leagueId, date }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>
    /// State and start of each game of one league's date: all the scheduler needs to decide whether the date is due.
    /// It asks every tick (20 s) for two dates per league, so it reads two columns of games and no team rows.
    /// </summary>
    public async Task<IReadOnlyList<GameTiming>> GetTimingsAsync(short leagueId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string State, DateTime? StartTime)>(new CommandDefinition(
            "SELECT state, start_time FROM games WHERE league_id = @leagueId AND game_date = @date",
            new { leagueId, date }, cancellationToken: cancellationToken));
        // timestamptz arrives as a UTC DateTime.
        return [.. rows.Select(r => new GameTiming(r.State, r.StartTime is { } start ? new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)) : null))];
    }

    /// <summary>The games of every league on one date (the home page).</summary>
    public async Task<IReadOnlyList<GameSummary>> GetAllLeaguesOnDateAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<GameSummary>(new CommandDefinition(
            $"{SelectSummaries} WHERE g.league_id IN (SELECT id FROM leagues) AND g.game_date = @date ORDER BY l.sort_order, g.start_time NULLS LAST, g.id",
            new { date }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<GameSummary?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<GameSummary>(new CommandDefinition(
            $"{SelectSummaries} WHERE g.id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>A team's games of one season, in date order.</summary>
    public async Task<IReadOnlyList<GameSummary>> GetTeamSeasonAsync(int teamId, int season, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<GameSummary>(new CommandDefinition($"""
            {SelectSummaries}
            WHERE g.id IN (SELECT id FROM games WHERE home_team_id = @teamId UNION SELECT id FROM games WHERE away_team_id = @teamId)
              AND g.season = @season
            ORDER BY g.game_date, g.start_time NULLS LAST
            """, new { teamId, season }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The nearest earlier and later dates that have games of the league, skipping empty days.</summary>
    public async Task<AdjacentDates> GetAdjacentDatesAsync(short leagueId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<AdjacentDates>(new CommandDefinition("""
            SELECT (SELECT max(game_date) FROM games WHERE league_id = @leagueId AND game_date < @date) AS previous,
                   (SELECT min(game_date) FROM games WHERE league_id = @leagueId AND game_date > @date) AS next
            """, new { leagueId, date }, cancellationToken: cancellationToken));
    }

    /// <summary>Which of these source game ids are stored already (the ingester precomputes Pulse only for the others).</summary>
    public async Task<IReadOnlySet<string>> FindStoredExternalIdsAsync(short leagueId, ScoreSource source, IReadOnlyCollection<string> externalIds, NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        var column = source == ScoreSource.Espn ? "espn_id" : "ncaa_id";
        var rows = await transaction.Connection!.QueryAsync<string>(new CommandDefinition(
            $"SELECT {column} FROM games WHERE league_id = @leagueId AND {column} = ANY(@externalIds)",
            new { leagueId, externalIds = externalIds.ToArray() }, transaction, cancellationToken: cancellationToken));
        return rows.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A game's observed changes, oldest first.</summary>
    public async Task<IReadOnlyList<GameSnapshot>> GetSnapshotsAsync(long gameId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<GameSnapshot>(new CommandDefinition(
            "SELECT id, observed_at, state, period, clock, home_score, away_score FROM game_snapshots WHERE game_id = @gameId ORDER BY id",
            new { gameId }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
