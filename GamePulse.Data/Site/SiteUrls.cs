using System.Globalization;
using GamePulse.Data.Games;

namespace GamePulse.Data.Site;

/// <summary>
/// The site's URL scheme, defined once: every page, the layout, the sitemaps and the canonical links write their paths
/// here, and the pages read back what these write (the scoreboard's date, a game's slug, a sitemap's file name).
/// Paths are built from slugs and ids only, so they are URL-safe as they are.
/// </summary>
public static class SiteUrls
{
    public const string Home = "/";

    public const string SitemapIndex = "/sitemap.xml";

    /// <summary>The viewer settings page (time zone, spoiler-free), a plain form that works signed in and out.</summary>
    public const string Settings = "/settings";

    /// <summary>
    /// ?spoilers=hide on any page shows it spoiler-free for that one request (a link that can be shared);
    /// ?spoilers=show reveals the scores for that request (the "show score" link). Any other value is a 400.
    /// </summary>
    public const string SpoilersQuery = "spoilers";

    public const string SpoilersHide = "hide";

    public const string SpoilersShow = "show";

    /// <summary>The earliest and latest years a scoreboard URL may name (outside them no page can have games).</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    private const string LeaguePagesSuffix = "pages";

    public static string Scoreboard(string leagueSlug) => string.Concat("/", leagueSlug, "/scores");

    public static string Scoreboard(string leagueSlug, DateOnly date) => string.Concat("/", leagueSlug, "/scores/", EasternCalendar.Iso(date));

    /// <summary>Reads a scoreboard URL's date: exactly yyyy-MM-dd, within <see cref="FirstYear"/>–<see cref="LastYear"/>.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        EasternCalendar.TryParseIso(text, out date) && date.Year is >= FirstYear and <= LastYear;

    /// <summary>"/{league}/games/{id}/away-at-home-2025-02-04": the id is the key, the slug is for people and search engines.</summary>
    public static string Game(GameSummary game) =>
        Game(game.LeagueSlug, game.Id, game.Away.Slug, game.Home.Slug, game.NeutralSite, game.GameDate);

    public static string Game(string leagueSlug, long id, string awaySlug, string homeSlug, bool neutralSite, DateOnly date) =>
        string.Concat("/", leagueSlug, "/games/", id.ToString(CultureInfo.InvariantCulture), "/", GameSlug(awaySlug, homeSlug, neutralSite, date));

    public static string GameSlug(GameSummary game) => GameSlug(game.Away.Slug, game.Home.Slug, game.NeutralSite, game.GameDate);

    /// <summary>"away-at-home-2025-02-04", or "-vs-" on a neutral floor where neither side is the host.</summary>
    public static string GameSlug(string awaySlug, string homeSlug, bool neutralSite, DateOnly date) =>
        string.Concat(awaySlug, neutralSite ? "-vs-" : "-at-", homeSlug, "-", EasternCalendar.Iso(date));

    /// <summary>A path with <c>spoilers=</c> appended (the path may already have a query).</summary>
    public static string WithSpoilers(string path, string value) =>
        string.Concat(path, path.Contains('?', StringComparison.Ordinal) ? "&" : "?", SpoilersQuery, "=", value);

    public static string Team(string leagueSlug, string teamSlug) => string.Concat("/", leagueSlug, "/teams/", teamSlug);

    public static string Conference(string leagueSlug, string conferenceSlug) => string.Concat("/", leagueSlug, "/conferences/", conferenceSlug);

    /// <summary>The NCAA Tournament bracket of a season (the year it ends): /{league}/tournament/2026.</summary>
    public static string Tournament(string leagueSlug, int season) =>
        string.Concat("/", leagueSlug, "/tournament/", season.ToString(CultureInfo.InvariantCulture));

    /// <summary>A conference's tournament of a season: /{league}/conferences/{conference}/tournament/2026.</summary>
    public static string ConferenceTournament(string leagueSlug, string conferenceSlug, int season) =>
        string.Concat(Conference(leagueSlug, conferenceSlug), "/tournament/", season.ToString(CultureInfo.InvariantCulture));

    /// <summary>The AP Top 25 of a league as the feeds report it.</summary>
    public static string Rankings(string leagueSlug) => string.Concat("/", leagueSlug, "/rankings");

    /// <summary>A team's logo served from the site's own origin: /logos/{teamId}?v={version} (the stored content's hash).</summary>
    public static string Logo(int teamId, string version) =>
        string.Concat(LogoPrefix, teamId.ToString(CultureInfo.InvariantCulture), "?", VersionKey, "=", version);

    /// <summary>The route of <see cref="Logo"/> ("/logos/{teamId}").</summary>
    public const string LogoPrefix = "/logos/";

    /// <summary>The query key that versions a logo or a share card.</summary>
    public const string VersionKey = "v";

    /// <summary>The spoiler-free form of a share card: the score is left out and Pulse shown instead.</summary>
    public const string SpoilersKey = "spoilers";

    public const string SpoilersHidden = "hide";

    /// <summary>A game's share image: /{league}/games/{id}/card.png?v={version}[&amp;spoilers=hide].</summary>
    public static string GameCard(string leagueSlug, long id, string version, bool hideScore = false) =>
        string.Concat("/", leagueSlug, "/games/", id.ToString(CultureInfo.InvariantCulture), "/card.png?", VersionKey, "=", version, hideScore ? SpoilerFree : "");

    /// <summary>A scoreboard day's share image (its top games by Pulse): /{league}/scores/{yyyy-MM-dd}/card.png?v={version}.</summary>
    public static string DayCard(string leagueSlug, DateOnly date, string version, bool hideScore = false) =>
        string.Concat(Scoreboard(leagueSlug, date), "/card.png?", VersionKey, "=", version, hideScore ? SpoilerFree : "");

    /// <summary>A team's share image (its latest and next games): /{league}/teams/{slug}/card.png?v={version}.</summary>
    public static string TeamCard(string leagueSlug, string teamSlug, string version, bool hideScore = false) =>
        string.Concat(Team(leagueSlug, teamSlug), "/card.png?", VersionKey, "=", version, hideScore ? SpoilerFree : "");

    private const string SpoilerFree = "&" + SpoilersKey + "=" + SpoilersHidden;

    /// <summary>A league's team and conference pages: /sitemaps/{league}-pages.xml.</summary>
    public static string LeaguePagesSitemap(string leagueSlug) => string.Concat("/sitemaps/", leagueSlug, "-", LeaguePagesSuffix, ".xml");

    /// <summary>A league season's scoreboard dates and game pages: /sitemaps/{league}-{season}.xml.</summary>
    public static string SeasonSitemap(string leagueSlug, int season) =>
        string.Concat("/sitemaps/", leagueSlug, "-", season.ToString(CultureInfo.InvariantCulture), ".xml");

    /// <summary>
    /// Reads the file name of a sitemap under /sitemaps/ as the two methods above write it: the league's slug, and its
    /// season (null for the league's pages). False for any other name.
    /// </summary>
    public static bool TryParseSitemap(string file, out string leagueSlug, out int? season)
    {
        leagueSlug = "";
        season = null;
        if (!file.EndsWith(".xml", StringComparison.Ordinal) || file.Length > 80)
        {
            return false;
        }

        var name = file[..^4];
        var dash = name.LastIndexOf('-');
        if (dash <= 0)
        {
            return false;
        }

        var suffix = name[(dash + 1)..];
        if (suffix != LeaguePagesSuffix)
        {
            if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < FirstYear or > LastYear + 1)
            {
                return false;
            }

            season = year;
        }

        leagueSlug = name[..dash];
        return true;
    }
}
