using GamePulse.Data.Games;

namespace GamePulse.Web.Pages.Shared;

/// <summary>A game's headline and canonical path, which every list needs twice (the card and the page's JSON-LD).</summary>
public sealed record GameLabel(string Title, string Path)
{
    public static GameLabel For(GameSummary game) => SharedGameText.Of(game)?.Label(game) ?? Make(game);

    public static GameLabel Make(GameSummary game) => new(GameText.Title(game), GameLinks.Game(game));
}
