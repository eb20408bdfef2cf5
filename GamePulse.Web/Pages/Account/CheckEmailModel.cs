using GamePulse.Data.Accounts;
using GamePulse.Web.Account;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Pages.Account;

/// <summary>"Check your email", where the browser that asked can also type the emailed 8-digit code.</summary>
public sealed class CheckEmailModel(LoginRequestRepository requests, SessionCookie session, ILogger<CheckEmailModel> logger) : PageModel
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

        var attempt = await requests.TryCodeAsync(browser, Secrets.Hash(code), cancellationToken);
        if (attempt.Matched)
        {
            LoginBrowserCookie.Clear(HttpContext);
            await session.SignInAsync(HttpContext, attempt.Email!, cancellationToken);
            return LocalRedirect(ReturnUrls.LocalOr(Url, ReturnUrl, "/account"));
        }

        logger.LogInformation("Wrong sign-in code; {AttemptsLeft} attempts left", attempt.AttemptsLeft);
        return Fail(attempt.AttemptsLeft > 0
            ? $"That code is not right. {attempt.AttemptsLeft} {(attempt.AttemptsLeft == 1 ? "attempt" : "attempts")} left."
            : "This code can no longer be used (too many attempts, used, or expired). Request a new link.");
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
