using GamePulse.Data.Games;
using GamePulse.Web.Viewing;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GamePulse.Web.Pages.Shared;

public static class GameCards
{
    /// <summary>
    /// The game card for the current visitor: signed-in visitors get the per-card actions (follow buttons), whose
    /// forms need the page's antiforgery and view machinery, so that slot stays a partial; anonymous cards skip it.
    /// A list that many requests render passes its <paramref name="memo"/>.
    /// </summary>
    public static async Task<IHtmlContent> GameCardAsync(this IHtmlHelper html, GameSummary game, GameCardMemo? memo = null)
    {
        var context = html.ViewContext.HttpContext;
        var actions = context.User.Identity?.IsAuthenticated == true
            ? await html.PartialAsync("_GameCardActions", game)
            : null;
        var view = context.ViewVariant();
        return view.IsDefault ? new GameCardHtml(game, actions, memo) : new GameCardHtml(game, actions, View: view);
    }
}
