using GamePulse.Data.Site;
using GamePulse.Data.Viewing;
using GamePulse.Web.Pages.Account;
using GamePulse.Web.Viewing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Pages.Settings;

/// <summary>
/// /settings: the viewer's time zone and spoiler-free mode, a plain form (POST with antiforgery, then a redirect back),
/// complete without JavaScript. Saved in a cookie on this device and, when signed in, in the account too, so the
/// settings apply wherever the user signs in. Decision 0450.
/// </summary>
public sealed class SettingsModel(ViewerSettingsRepository settings, TimeProvider clock) : PageModel
{
    public const string SavedQuery = "saved";

    /// <summary>A year: a preference, not a session.</summary>
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public ViewerChoice Choice { get; private set; } = ViewerChoice.Default;

    /// <summary>The zone "automatic" resolves to in this browser, once the site script has detected it.</summary>
    public ViewTimeZone? Detected { get; private set; }

    public bool Saved { get; private set; }

    public bool SignedIn => User.UserId() is not null;

    public void OnGet()
    {
        Choice = HttpContext.ViewerChoice();
        Detected = ViewTimeZones.FromIana(Request.Cookies[ViewerChoice.DetectedCookieName]);
        Saved = Request.Query[SavedQuery] == "1";
    }

    /// <param name="timeZone">A zone code or "auto".</param>
    /// <param name="spoilers">"hide" when the box is ticked; absent otherwise (an unticked checkbox sends nothing).</param>
    public async Task<IActionResult> OnPostAsync([FromForm] string? timeZone, [FromForm] string? spoilers, CancellationToken cancellationToken)
    {
        if (!ViewTimeZones.IsChoice(timeZone) || spoilers is not (null or SiteUrls.SpoilersHide))
        {
            return BadRequest();
        }

        var choice = new ViewerChoice(timeZone!, spoilers is not null);
        Response.Cookies.Append(ViewerChoice.CookieName, choice.CookieValue, new CookieOptions
        {
            Path = "/",
            MaxAge = CookieLifetime,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            HttpOnly = false, // a preference, no secret: the site script reads it to know "automatic" has to detect
            IsEssential = true,
        });
        if (User.UserId() is { } userId)
        {
            await settings.SaveAsync(userId, choice.TimeZone, choice.HideSpoilers, clock.GetUtcNow(), cancellationToken);
        }

        // Post/Redirect/Get: a reload does not post again, and the next page is rendered with the new cookie.
        return new RedirectResult($"{SiteUrls.Settings}?{SavedQuery}=1") { PreserveMethod = false };
    }
}
