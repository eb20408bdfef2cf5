using Htmx;
using Microsoft.AspNetCore.Mvc;

namespace GamePulse.Web.Pages.Account;

/// <summary>
/// Sends a visitor who has to be signed in to the sign-in page, and back to <c>returnUrl</c> after it. A plain
/// request gets a 302. An htmx request (a poll of "My teams", a follow button) gets 401 with <c>HX-Redirect</c>:
/// htmx would follow a 302 itself and swap the sign-in page into the element that asked, where HX-Redirect makes the
/// browser navigate the whole page.
/// </summary>
public static class SignInRedirect
{
    public const string LoginPath = "/account/login";

    /// <summary>The sign-in page that returns to <paramref name="returnUrl"/> (a local path and query).</summary>
    public static string LoginUrl(string returnUrl) => $"{LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IActionResult To(HttpContext context, string returnUrl)
    {
        var login = LoginUrl(returnUrl);
        if (context.Request.IsHtmx())
        {
            context.Response.Htmx(h => h.Redirect(login));
            return new UnauthorizedResult();
        }

        return new LocalRedirectResult(login);
    }
}
