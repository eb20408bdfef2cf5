using GamePulse.Data.Site;
using GamePulse.Data.Viewing;
using GamePulse.Web.Pages.Account;

namespace GamePulse.Web.Viewing;

/// <summary>
/// Works out each request's <see cref="ViewVariant"/> once, after authentication and before the output cache (which
/// varies by its key): <c>?spoilers=</c> of this request, else the account's settings when signed in, else the
/// cookie, else the default. Decision 0450.
/// </summary>
public static class ViewVariants
{
    public static WebApplication UseViewVariants(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!TryReadSpoilersQuery(context.Request.Query, out var spoilers))
            {
                // One meaning per URL: ?spoilers=maybe is a mistake to show, not a page to guess.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var choice = await ChoiceAsync(context);
            var hide = spoilers switch
            {
                SiteUrls.SpoilersHide => true,
                SiteUrls.SpoilersShow => false,
                _ => choice.HideSpoilers,
            };
            var variant = new ViewVariant(choice.ResolveZone(context.Request.Cookies[Viewing.ViewerChoice.DetectedCookieName]), hide);
            context.Features.Set(new ViewVariantFeature(variant, choice, spoilers));
            await next(context);
        });
        return app;
    }

    /// <summary>This request's variant (the default where the middleware did not run, e.g. an error page re-executed early).</summary>
    public static ViewVariant ViewVariant(this HttpContext context) => context.Features.Get<ViewVariantFeature>()?.Variant ?? Data.Viewing.ViewVariant.Default;

    /// <summary>What the visitor chose (for the settings form).</summary>
    public static ViewerChoice ViewerChoice(this HttpContext context) => context.Features.Get<ViewVariantFeature>()?.Choice ?? Viewing.ViewerChoice.Default;

    /// <summary>
    /// This request's own <c>?spoilers=</c> value, or null: live poll URLs carry it, so a page opened with
    /// <c>?spoilers=hide</c> stays spoiler-free when it refreshes (and one opened with <c>show</c> keeps its scores).
    /// </summary>
    public static string? SpoilersQuery(this HttpContext context) => context.Features.Get<ViewVariantFeature>()?.SpoilersQuery;

    /// <summary>A path with this request's <c>?spoilers=</c> kept, if it had one.</summary>
    public static string KeepSpoilers(this HttpContext context, string path) =>
        context.SpoilersQuery() is { } value ? SiteUrls.WithSpoilers(path, value) : path;

    /// <summary>Absent, or exactly once with "hide" or "show".</summary>
    public static bool TryReadSpoilersQuery(IQueryCollection query, out string? value)
    {
        value = null;
        if (!query.TryGetValue(SiteUrls.SpoilersQuery, out var values))
        {
            return true;
        }

        if (values is not [SiteUrls.SpoilersHide or SiteUrls.SpoilersShow])
        {
            return false;
        }

        value = values[0];
        return true;
    }

    private static async Task<ViewerChoice> ChoiceAsync(HttpContext context)
    {
        var cookie = Viewing.ViewerChoice.FromCookie(context.Request.Cookies[Viewing.ViewerChoice.CookieName]);
        if (context.User.UserId() is { } userId
            && await context.RequestServices.GetRequiredService<ViewerSettingsRepository>().FindAsync(userId, context.RequestAborted) is { } saved)
        {
            // The account wins over the device, so settings follow the user to every device they sign in on.
            return new ViewerChoice(saved.TimeZone, saved.HideSpoilers);
        }

        return cookie ?? Viewing.ViewerChoice.Default;
    }

    private sealed record ViewVariantFeature(ViewVariant Variant, ViewerChoice Choice, string? SpoilersQuery);
}
