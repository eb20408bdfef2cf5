using GamePulse.Data;
using GamePulse.Data.Accounts;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Pages.Account;

/// <summary>"Check your email", where the browser that asked can also type the emailed 8-digit code.</summary>
public sealed class CheckEmailModel(
    GamePulseDbFactory databases,
    LoginRequestRepository requests,
    UserRepository users,
    SessionCookie session,
    ILogger<CheckEmailModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet() => Response.SendNoReferrer();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.SendNoReferrer();
        var code = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (code.Length != 8 || !code.All(char.IsAsciiDigit))
        {
            return Fail("Enter the 8-digit code from the email.");
        }

        var browser = LoginBrowserCookie.Read(HttpContext);
        if (browser is null)
        {
            return Fail("This browser did not ask for a code (or its cookie expired). Request a new link, or open the link in the email.");
        }

        var (attempt, user) = await TryCodeAsync(browser, Secrets.Hash(code), cancellationToken);
        if (user is not null)
        {
            LoginBrowserCookie.Clear(HttpContext);
            await session.SignInAsync(HttpContext, user);
            return LocalRedirect(ReturnUrls.LocalOr(Url, ReturnUrl, "/account"));
        }

        logger.LogInformation("Wrong sign-in code; {AttemptsLeft} attempts left", attempt.AttemptsLeft);
        return Fail(attempt.AttemptsLeft > 0
            ? $"That code is not right. {attempt.AttemptsLeft} {(attempt.AttemptsLeft == 1 ? "attempt" : "attempts")} left."
            : "This code can no longer be used (too many attempts, used, or expired). Request a new link.");
    }

    /// <summary>One transaction: the attempt counts whatever its outcome, and a match uses the request up and signs in.</summary>
    private async Task<(CodeAttempt Attempt, User? User)> TryCodeAsync(byte[] browserIdHash, byte[] codeHash, CancellationToken cancellationToken)
    {
        await using var db = databases.Open();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var attempt = await requests.TryCodeAsync(db, browserIdHash, codeHash, cancellationToken);
        var user = attempt.Matched ? await users.SignInAsync(db, attempt.Email!, cancellationToken) : null;
        await transaction.CommitAsync(cancellationToken);
        return (attempt, user);
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
