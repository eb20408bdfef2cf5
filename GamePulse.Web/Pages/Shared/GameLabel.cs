using GamePulse.Data.Games;
using GamePulse.Data.Site;
using GamePulse.Data.Viewing;

namespace GamePulse.Web.Pages.Shared;

/// <summary>A game's headline and canonical path, which every list needs twice (the card and the page's JSON-LD).</summary>
public sealed record GameLabel(string Title, string Path)
{
    public static GameLabel For(GameSummary game) => new(GameText.Title(game), SiteUrls.Game(game));

    /// <summary>The label as a viewer's variant reads it (their zone; no score when spoiler-free).</summary>
    public static GameLabel For(GameSummary game, ViewVariant view) => view.IsDefault ? For(game) : new(GameText.Title(game, view), SiteUrls.Game(game));
}
