using Dapper;
using GamePulse.Data.Site;
using Npgsql;

namespace GamePulse.Web.Pages.Seo;

/// <summary>What the sitemaps list, with lastmod taken from the rows' own updated_at.</summary>
public sealed class SitemapQuery(NpgsqlDataSource dataSource)
{
    /// <summary>The sitemap protocol allows 50,000 URLs per file; a league season has about 6,000 games.</summary>
    public const int MaxUrlsPerFile = 50_000;

    public sealed record SeasonFile(string LeagueSlug, int Season, DateTime LastModified);

    public sealed record LeagueFile(string LeagueSlug, DateTime LastModified);

    /// <summary>A team's or a conference's page; its path is written by <see cref="SiteUrls"/>, like every other.</summary>
    public sealed record Entry(bool IsConference, string Slug, DateTime LastModified)
    {
        public string Path(string leagueSlug) => IsConference ? SiteUrls.Conference(leagueSlug, Slug) : SiteUrls.Team(leagueSlug, Slug);
    }

    public async Task<(IReadOnlyList<SeasonFile> Seasons, IReadOnlyList<LeagueFile> Leagues)> IndexAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var seasons = await connection.QueryAsync<SeasonFile>(new CommandDefinition("""
            SELECT l.slug AS league_slug, g.season::int AS season, max(g.updated_at) AS last_modified
            FROM games g JOIN leagues l ON l.id = g.league_id
            GROUP BY l.slug, l.sort_order, g.season ORDER BY l.sort_order, g.season DESC
            """, cancellationToken: cancellationToken));
        var leagues = await connection.QueryAsync<LeagueFile>(new CommandDefinition("""
            SELECT l.slug AS league_slug, coalesce(max(t.updated_at), now()) AS last_modified
            FROM leagues l LEFT JOIN teams t ON t.league_id = l.id AND t.active
            GROUP BY l.slug, l.sort_order ORDER BY l.sort_order
            """, cancellationToken: cancellationToken));
        return ([.. seasons], [.. leagues]);
    }

    /// <summary>Scoreboard dates and game pages of one league season; null when the league is unknown.</summary>
    public async Task<IReadOnlyList<SeasonGame>?> SeasonAsync(string leagueSlug, int season, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SeasonGame>(new CommandDefinition("""
            SELECT g.id, g.game_date, g.neutral_site, g.updated_at, h.slug AS home_slug, a.slug AS away_slug
            FROM games g
            JOIN leagues l ON l.id = g.league_id
            JOIN teams h ON h.id = g.home_team_id
            JOIN teams a ON a.id = g.away_team_id
            WHERE l.slug = @leagueSlug AND g.season = @season
            ORDER BY g.game_date, g.id
            LIMIT @limit
            """, new { leagueSlug, season, limit = MaxUrlsPerFile - 400 }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public sealed record SeasonGame
    {
        public long Id { get; init; }
        public DateOnly GameDate { get; init; }
        public bool NeutralSite { get; init; }
        public DateTime UpdatedAt { get; init; }
        public required string HomeSlug { get; init; }
        public required string AwaySlug { get; init; }
    }

    /// <summary>Team and conference pages of a league.</summary>
    public async Task<IReadOnlyList<Entry>> LeaguePagesAsync(string leagueSlug, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Entry>(new CommandDefinition("""
            SELECT false AS is_conference, t.slug, t.updated_at AS last_modified
            FROM teams t JOIN leagues l ON l.id = t.league_id
            WHERE l.slug = @leagueSlug AND t.active
            UNION ALL
            SELECT true, c.slug, coalesce((SELECT max(t.updated_at) FROM teams t WHERE t.conference_id = c.id), now())
            FROM conferences c JOIN leagues l ON l.id = c.league_id
            WHERE l.slug = @leagueSlug AND c.active
            ORDER BY 1 DESC, 2
            """, new { leagueSlug }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
