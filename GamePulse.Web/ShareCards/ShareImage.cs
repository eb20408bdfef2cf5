using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Pages.Teams;

namespace GamePulse.Web.ShareCards;

/// <summary>A page's preview image for og:image / twitter:image: its path on the site and what it shows, in words (og:image:alt).</summary>
public sealed record ShareImage(string Path, string Alt)
{
    public const int Width = CardRenderer.Width;

    public const int Height = CardRenderer.Height;

    /// <summary>The game's card; <paramref name="hideScore"/> gives the spoiler-free one (and an alt text without the score).</summary>
    public static ShareImage ForGame(GameSummary game, string siteName, bool hideScore = false)
    {
        var scene = CardScenes.Game(game, siteName, hideScore);
        var teams = $"{GameText.Name(game.Away)} {(game.NeutralSite ? "vs." : "at")} {GameText.Name(game.Home)}";
        var what = hideScore ? $"{teams}, {scene.StateLine}" : GameText.Title(game);
        var pulse = scene.Pulse is { } p ? $", Pulse {p}" : "";
        var round = game.TournamentRound is { Length: > 0 } ? $" ({scene.Headline})" : "";
        return new ShareImage(SiteUrls.GameCard(game.LeagueSlug, game.Id, scene.Version, hideScore), $"{what}{round}{pulse}");
    }

    /// <summary>A scoreboard day's card (its best games by Pulse), or null for a day without games (the default image stays).</summary>
    public static ShareImage? ForDay(League league, DateOnly date, IReadOnlyList<GameSummary> games, string siteName, bool hideScore = false)
    {
        if (games.Count == 0)
        {
            return null;
        }

        var scene = CardScenes.Day(league, date, games, siteName, hideScore);
        var best = scene.Rows.Select(r => $"{r.Away.Label} vs. {r.Home.Label}");
        return new ShareImage(SiteUrls.DayCard(league.Slug, date, scene.Version, hideScore),
            $"{league.Name} on {GameText.Date(date)}: top games by Pulse — {string.Join("; ", best)}");
    }

    public static ShareImage ForTeam(TeamView view, League league, string siteName, bool hideScore = false)
    {
        var scene = CardScenes.Team(view, league, siteName, hideScore);
        return new ShareImage(SiteUrls.TeamCard(league.Slug, view.Team.Slug, scene.Version, hideScore),
            $"{view.Team.DisplayName}: {scene.Subtitle}, latest and next games");
    }
}
