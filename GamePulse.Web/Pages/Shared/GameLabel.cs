using GamePulse.Data.Games;
using GamePulse.Data.Site;

namespace GamePulse.Web.Pages.Shared;

/// <summary>A game's headline and canonical path, which every list needs twice (the card and the page's JSON-LD).</summary>
public sealed record GameLabel(string Title, string Path)
{
    public static GameLabel For(GameSummary game) => new(GameText.Title(game), SiteUrls.Game(game));
}
