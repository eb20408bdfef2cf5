using GamePulse.Data;
using GamePulse.Data.Conferences;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace GamePulse.Web.Pages.Conferences;

public sealed record StandingRow
{
    [Column("team_id")]
    public int TeamId { get; init; }

    [Column("slug")]
    public required string Slug { get; init; }

    [Column("display_name")]
    public required string DisplayName { get; init; }

    [Column("short_name")]
    public required string ShortName { get; init; }

    [Column("primary_color")]
    public string? PrimaryColor { get; init; }

    [Column("conference_wins")]
    public int ConferenceWins { get; init; }

    [Column("conference_losses")]
    public int ConferenceLosses { get; init; }

    [Column("wins")]
    public int Wins { get; init; }

    [Column("losses")]
    public int Losses { get; init; }
}

public sealed record ConferenceView(Conference Conference, int Season, IReadOnlyList<StandingRow> Standings);

/// <summary>Standings computed from final games: regular-season games between members count as conference games.</summary>
public sealed class ConferenceQuery(GamePulseDbFactory databases)
{
    public async Task<ConferenceView> LoadAsync(Conference conference, int currentSeason, CancellationToken cancellationToken)
    {
        await using var db = databases.Open();
        var season = await db.Games.Where(g => g.LeagueId == conference.LeagueId && g.Season <= currentSeason)
            .MaxAsync(g => (int?)g.Season, cancellationToken) ?? currentSeason;
        // Raw SQL: both sides of every final folded into one row per team with FILTERed counts and a win-ratio order.
        var rows = await db.QueryToListAsync<StandingRow>("""
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
            """, new { leagueId = conference.LeagueId, season, conferenceId = conference.Id }, cancellationToken);
        return new ConferenceView(conference, season, rows);
    }
}
