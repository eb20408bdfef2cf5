using System.Globalization;
using GamePulse.Data.Games;

namespace GamePulse.Web.Pages.Shared;

/// <summary>The site's URL scheme in one place, so every page and the sitemap link the same canonical paths.</summary>
public static class GameLinks
{
    public static string Scoreboard(string leagueSlug) => $"/{leagueSlug}/scores";

    public static string Scoreboard(string leagueSlug, DateOnly date) => $"/{leagueSlug}/scores/{GameText.Iso(date)}";

    /// <summary>"away-at-home-2025-02-04", or "-vs-" on a neutral floor where neither side is the host.</summary>
    public static string GameSlug(GameSummary game) =>
        string.Concat(game.Away.Slug, game.NeutralSite ? "-vs-" : "-at-", game.Home.Slug, "-", GameText.Iso(game.GameDate));

    public static string Game(GameSummary game) =>
        string.Concat("/", game.LeagueSlug, "/games/", game.Id.ToString(CultureInfo.InvariantCulture), "/", GameSlug(game));

    public static string Team(string leagueSlug, string teamSlug) => $"/{leagueSlug}/teams/{teamSlug}";

    public static string Conference(string leagueSlug, string conferenceSlug) => $"/{leagueSlug}/conferences/{conferenceSlug}";

    /// <summary>The season a date belongs to: the calendar year in which it ends (Nov 2024 → 2025).</summary>
    public static int SeasonOf(DateOnly date) => date.Month >= 7 ? date.Year + 1 : date.Year;
}
