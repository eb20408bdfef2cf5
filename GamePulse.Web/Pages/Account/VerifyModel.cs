using GamePulse.Data;
using GamePulse.Data.Accounts;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Pages.Account;

/// <summary>
/// The emailed link. GET only asks for confirmation, because mail scanners open links; the POST uses the token up
/// in one atomic statement and signs in.
/// </summary>
public sealed class VerifyModel(GamePulseDbFactory databases, LoginRequestRepository requests, UserRepository users, SessionCookie session) : PageModel
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
        var user = IsWellFormed(Token) ? await ConsumeAndSignInAsync(Secrets.Hash(Token!), cancellationToken) : null;
        if (user is null)
        {
            return Reject();
        }

        await session.SignInAsync(HttpContext, user);
        return LocalRedirect(ReturnUrls.LocalOr(Url, ReturnUrl, "/account"));
    }

    /// <summary>One transaction: the link is used up only together with the sign-in it grants.</summary>
    private async Task<User?> ConsumeAndSignInAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var db = databases.Open();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (await requests.ConsumeTokenAsync(db, tokenHash, cancellationToken) is not { } email)
        {
            return null;
        }

        var user = await users.SignInAsync(db, email, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
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
