using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using GamePulse.Data;
using GamePulse.Data.Accounts;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Account;

/// <summary>
/// "Email me a sign-in link". Known and unknown addresses, and rate-limited requests, all take the same path to the
/// same "check your email" page, so the answer tells nobody whether an address has an account.
/// </summary>
public sealed class LoginModel(
    GamePulseDbFactory databases,
    RateLimitRepository rateLimits,
    LoginRequestRepository requests,
    EmailOutboxRepository outbox,
    IOptions<SiteOptions> site,
    ILogger<LoginModel> logger) : PageModel
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public const int PerEmailLimit = 3;
    public static readonly TimeSpan PerEmailWindow = TimeSpan.FromMinutes(15);
    public const int PerIpLimit = 20;
    public static readonly TimeSpan PerIpWindow = TimeSpan.FromHours(1);

    [BindProperty]
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        Response.SendNoReferrer();
        if (User.UserId() is not null)
        {
            return LocalRedirect(ReturnUrls.LocalOr(Url, ReturnUrl, "/account"));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.SendNoReferrer();
        var email = EmailAddresses.Normalise(Email);
        if (email is null)
        {
            ModelState.AddModelError(nameof(Email), string.IsNullOrWhiteSpace(Email)
                ? "Enter your email address."
                : "Enter an email address like name@example.com.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var returnUrl = ReturnUrls.LocalOrNull(Url, ReturnUrl);
        var browserIdHash = LoginBrowserCookie.Issue(HttpContext, Lifetime);
        var clientIp = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        // One transaction: the rate-limit events, the request, its email and the Worker's wake-up commit together
        // (a refused request writes nothing), and the buckets stay locked until they have.
        await using var db = databases.Open();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var allowed = await rateLimits.TryAcquireAsync(db,
        [
            new RateLimit($"login-email:{Secrets.Fingerprint(email)}", PerEmailLimit, PerEmailWindow),
            new RateLimit($"login-ip:{clientIp}", PerIpLimit, PerIpWindow),
        ], cancellationToken);

        if (allowed)
        {
            var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            var userAgent = Request.Headers.UserAgent.ToString();
            var request = new NewLoginRequest(
                Secrets.Hash(token), Secrets.Hash(code), browserIdHash, email, clientIp,
                userAgent.Length > 512 ? userAgent[..512] : userAgent, DateTimeOffset.UtcNow + Lifetime);
            // The request's trace id travels with the message, so the Worker's send / failure events can be found with it.
            var message = LoginEmail.Compose(site.Value, email, token, code, Lifetime, returnUrl) with { TraceId = Activity.Current?.TraceId.ToHexString() ?? HttpContext.TraceIdentifier };
            await requests.CreateAsync(db, request, cancellationToken);
            var outboxId = await outbox.EnqueueAsync(db, message, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Sign-in link requested for {EmailMasked} ({EmailFingerprint}), outbox {OutboxId}", EmailAddresses.Mask(email), Secrets.Fingerprint(email), outboxId);
        }
        else
        {
            logger.LogWarning("Sign-in link rate-limited for {EmailMasked} ({EmailFingerprint}) from {ClientIp}", EmailAddresses.Mask(email), Secrets.Fingerprint(email), clientIp);
        }

        return RedirectToPage("/Account/CheckEmail", new { returnUrl });
    }
}
