using GamePulse.Data.Accounts;
using GamePulse.Web.Account;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Pages.Account;

/// <summary>
/// The emailed link. GET only asks for confirmation, because mail scanners open links; the POST uses the token up
/// in one atomic statement and signs in.
/// </summary>
public sealed class VerifyModel(LoginRequestRepository requests, SessionCookie session) : PageModel
{
    // 32 random bytes in base64url without padding.
    private const int TokenLength = 43;

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Email { get; private set; }

    public bool Invalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Response.SendNoReferrer();
        Email = IsWellFormed(Token) ? await requests.FindUsableEmailAsync(Secrets.Hash(Token!), cancellationToken) : null;
        return Email is null ? Reject() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.SendNoReferrer();
        var email = IsWellFormed(Token) ? await requests.ConsumeTokenAsync(Secrets.Hash(Token!), cancellationToken) : null;
        if (email is null)
        {
            return Reject();
        }

        await session.SignInAsync(HttpContext, email, cancellationToken);
        return LocalRedirect(ReturnUrls.LocalOr(Url, ReturnUrl, "/account"));
    }

    private static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private PageResult Reject()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
