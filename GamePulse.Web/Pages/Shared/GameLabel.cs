using System.Runtime.CompilerServices;
using GamePulse.Data.Games;

namespace GamePulse.Web.Pages.Shared;

/// <summary>
/// A game's headline and canonical path, which every list needs twice (the card and the page's JSON-LD). Made once per
/// game object: <see cref="Caching.GameDayCache"/> shares one object per game version between requests, and the memo
/// lives exactly as long as that object.
/// </summary>
public sealed record GameLabel(string Title, string Path)
{
    private static readonly ConditionalWeakTable<GameSummary, GameLabel> Made = new();

    public static GameLabel For(GameSummary game) =>
        Made.GetValue(game, static g => new GameLabel(GameText.Title(g), GameLinks.Game(g)));
}
