using Dapper;
using GamePulse.Data.Conferences;
using Npgsql;

namespace GamePulse.Web.Pages.Conferences;

public sealed record StandingRow(int TeamId, string Slug, string DisplayName, string ShortName, string? PrimaryColor, int ConferenceWins, int ConferenceLosses, int Wins, int Losses);

public sealed record ConferenceView(Conference Conference, int Season, IReadOnlyList<StandingRow> Standings);

/// <summary>Standings computed from final games: regular-season games between members count as conference games.</summary>
public sealed class ConferenceQuery(NpgsqlDataSource dataSource)
{
    public async Task<ConferenceView> LoadAsync(Conference conference, int currentSeason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var season = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT max(season) FROM games WHERE league_id = @leagueId AND season <= @currentSeason",
            new { leagueId = conference.LeagueId, currentSeason }, cancellationToken: cancellationToken)) ?? currentSeason;
        var rows = await connection.QueryAsync<StandingRow>(new CommandDefinition("""
            WITH finals AS (
                SELECT g.home_team_id AS team_id, g.home_score > g.away_score AS won,
                       g.season_type = 'regular' AND h.conference_id = a.conference_id AS in_conference
                FROM games g JOIN teams h ON h.id = g.home_team_id JOIN teams a ON a.id = g.away_team_id
                WHERE g.league_id = @leagueId AND g.season = @season AND g.state = 'final' AND h.conference_id = @conferenceId
                UNION ALL
                SELECT g.away_team_id, g.away_score > g.home_score,
                       g.season_type = 'regular' AND h.conference_id = a.conference_id
                FROM games g JOIN teams h ON h.id = g.home_team_id JOIN teams a ON a.id = g.away_team_id
                WHERE g.league_id = @leagueId AND g.season = @season AND g.state = 'final' AND a.conference_id = @conferenceId
            )
            SELECT t.id AS team_id, t.slug, t.display_name, t.short_name, t.primary_color,
                   count(*) FILTER (WHERE f.in_conference AND f.won)::int AS conference_wins,
                   count(*) FILTER (WHERE f.in_conference AND NOT f.won)::int AS conference_losses,
                   count(*) FILTER (WHERE f.won)::int AS wins,
                   count(*) FILTER (WHERE NOT f.won)::int AS losses
            FROM teams t LEFT JOIN finals f ON f.team_id = t.id
            WHERE t.conference_id = @conferenceId AND t.active
            GROUP BY t.id
            ORDER BY (count(*) FILTER (WHERE f.in_conference AND f.won))::float
                         / greatest(count(*) FILTER (WHERE f.in_conference), 1) DESC,
                     conference_wins DESC, wins DESC, t.short_name
            """, new { leagueId = conference.LeagueId, season, conferenceId = conference.Id }, cancellationToken: cancellationToken));
        return new ConferenceView(conference, season, [.. rows]);
    }
}
