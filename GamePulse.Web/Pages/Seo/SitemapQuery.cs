using GamePulse.Data;
using GamePulse.Data.Games;
using GamePulse.Data.Site;
using LinqToDB;
using LinqToDB.Async;

namespace GamePulse.Web.Pages.Seo;

/// <summary>What the sitemaps list, with lastmod taken from the rows' own updated_at.</summary>
public sealed class SitemapQuery(GamePulseDbFactory databases, TimeProvider clock)
{
    /// <summary>The sitemap protocol allows 50,000 URLs per file; a league season has about 6,000 games.</summary>
    public const int MaxUrlsPerFile = 50_000;

    public sealed record SeasonFile(string LeagueSlug, int Season, DateTimeOffset LastModified);

    public sealed record LeagueFile(string LeagueSlug, DateTimeOffset LastModified);

    /// <summary>A team's or a conference's page; its path is written by <see cref="SiteUrls"/>, like every other.</summary>
    public sealed record Entry(bool IsConference, string Slug, DateTimeOffset LastModified)
    {
        public string Path(string leagueSlug) => IsConference ? SiteUrls.Conference(leagueSlug, Slug) : SiteUrls.Team(leagueSlug, Slug);
    }

    public async Task<(IReadOnlyList<SeasonFile> Seasons, IReadOnlyList<LeagueFile> Leagues)> IndexAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.Open();
        var seasons = await (
            from g in db.Games
            join l in db.Leagues on g.LeagueId equals l.Id
            group g by new { l.Slug, l.SortOrder, g.Season } into season
            orderby season.Key.SortOrder, season.Key.Season descending
            select new SeasonFile(season.Key.Slug, season.Key.Season, season.Max(g => g.UpdatedAt))).ToListAsync(cancellationToken);
        var teamsChanged = await (
            from l in db.Leagues
            from t in db.Teams.LeftJoin(t => t.LeagueId == l.Id && t.Active)
            group t by new { l.Slug, l.SortOrder } into league
            orderby league.Key.SortOrder
            select new { league.Key.Slug, LastModified = league.Max(t => (DateTimeOffset?)t.UpdatedAt) }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return (seasons, [.. teamsChanged.Select(l => new LeagueFile(l.Slug, l.LastModified ?? now))]);
    }

    /// <summary>Scoreboard dates and game pages of one league season (empty when the league or season has none).</summary>
    public async Task<IReadOnlyList<SeasonGame>> SeasonAsync(string leagueSlug, int season, CancellationToken cancellationToken)
    {
        await using var db = databases.Open();
        return await (
            from g in db.Games
            join l in db.Leagues on g.LeagueId equals l.Id
            from h in db.Teams.LeftJoin(h => h.Id == g.HomeTeamId)
            from a in db.Teams.LeftJoin(a => a.Id == g.AwayTeamId)
            from hc in db.Conferences.LeftJoin(c => c.Id == h.ConferenceId)
            from ac in db.Conferences.LeftJoin(c => c.Id == a.ConferenceId)
            where l.Slug == leagueSlug && g.Season == season
            orderby g.GameDate, g.Id
            select new SeasonGame
            {
                Id = g.Id,
                GameDate = g.GameDate,
                NeutralSite = g.NeutralSite,
                UpdatedAt = g.UpdatedAt,
                HomeSlug = h != null ? h.Slug : GameTeam.UnknownSlug,
                AwaySlug = a != null ? a.Slug : GameTeam.UnknownSlug,
                Tournament = g.Tournament,
                HomeConferenceSlug = hc != null ? hc.Slug : null,
                AwayConferenceSlug = ac != null ? ac.Slug : null,
            }).Take(MaxUrlsPerFile - 400).ToListAsync(cancellationToken);
    }

    public sealed record SeasonGame
    {
        public long Id { get; init; }
        public DateOnly GameDate { get; init; }
        public bool NeutralSite { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public required string HomeSlug { get; init; }
        public required string AwaySlug { get; init; }
        public string? Tournament { get; init; }
        public string? HomeConferenceSlug { get; init; }
        public string? AwayConferenceSlug { get; init; }

        /// <summary>
        /// The conference whose tournament this game belongs to: a tournament game between two of its members, the rule
        /// the conference tournament page lists its games by.
        /// </summary>
        public string? ConferenceTournamentSlug =>
            Tournament is not null && Tournament != Tournaments.Ncaa && HomeConferenceSlug is not null && HomeConferenceSlug == AwayConferenceSlug
                ? HomeConferenceSlug : null;
    }

    /// <summary>Team and conference pages of a league.</summary>
    public async Task<IReadOnlyList<Entry>> LeaguePagesAsync(string leagueSlug, CancellationToken cancellationToken)
    {
        await using var db = databases.Open();
        var teams = await (
            from t in db.Teams
            join l in db.Leagues on t.LeagueId equals l.Id
            where l.Slug == leagueSlug && t.Active
            select new { t.Slug, t.UpdatedAt }).ToListAsync(cancellationToken);
        var conferences = await (
            from c in db.Conferences
            join l in db.Leagues on c.LeagueId equals l.Id
            where l.Slug == leagueSlug && c.Active
            select new { c.Slug, LastModified = db.Teams.Where(t => t.ConferenceId == c.Id).Max(t => (DateTimeOffset?)t.UpdatedAt) }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. conferences.Select(c => new Entry(true, c.Slug, c.LastModified ?? now)).OrderBy(e => e.Slug, StringComparer.Ordinal)
            .Concat(teams.Select(t => new Entry(false, t.Slug, t.UpdatedAt)).OrderBy(e => e.Slug, StringComparer.Ordinal))];
    }
}
