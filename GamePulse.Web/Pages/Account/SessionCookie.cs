using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using GamePulse.Data.Accounts;
using GamePulse.Web.Outage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Account;

/// <summary>
/// Issues the session cookie and checks, on each request, that it has not been revoked: by "sign out everywhere" (the
/// user's security stamp changed) or by signing out that session (its id is in revoked_sessions, decision 0207).
/// </summary>
public sealed class SessionCookie(
    UserRepository users,
    SessionRevocationRepository revocations,
    DatabaseAvailability database,
    IOptions<AdminOptions> admin,
    IMemoryCache cache,
    ILogger<SessionCookie> logger)
{
    public const string CookieName = "gp_auth";

    /// <summary>The sliding lifetime of the cookie; a revoked session id is kept this long.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    // How long one Web instance trusts a checked stamp or session before asking PostgreSQL again: a sign-out reaches
    // other instances within this time; the instance that signs out forgets at once.
    private static readonly TimeSpan CheckCacheTime = TimeSpan.FromSeconds(30);

    /// <summary>Set on a request whose session could not be checked because the database is away.</summary>
    public sealed class Unchecked;

    /// <summary>
    /// Issues the session cookie of a user whose sign-in is recorded (<see cref="UserRepository.SignInAsync"/>); the
    /// caller issues it only once that unit of work has committed.
    /// </summary>
    public async Task SignInAsync(HttpContext http, User user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Email, user.Email),
            new(AccountClaims.SecurityStamp, user.SecurityStamp.ToString()),
            new(AccountClaims.SessionId, NewSessionId()),
        };
        if (admin.Value.IsAdmin(user.Email))
        {
            claims.Add(new Claim(ClaimTypes.Role, AccountClaims.AdminRole));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = true });
        logger.LogInformation("User {UserId} signed in", user.Id);
    }

    /// <summary>Ends this browser's session: its cookie is deleted, and revoked should a copy of it be replayed.</summary>
    public async Task SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.User.UserId() is { } userId && http.User.FindFirst(AccountClaims.SessionId)?.Value is { } sessionId)
        {
            await revocations.RevokeAsync(sessionId, userId, DateTimeOffset.UtcNow + Lifetime, cancellationToken);
            cache.Remove(RevokedKey(sessionId));
            logger.LogInformation("User {UserId} signed out", userId);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Forgets the cached stamp of a user, once their new stamp (or their deletion) has committed: this instance then
    /// asks PostgreSQL at the next request instead of trusting the old stamp for up to the check cache time.
    /// </summary>
    public void Forget(long userId) => cache.Remove(StampKey(userId));

    /// <summary>
    /// Cookie event: rejects a cookie whose user is gone, whose security stamp has changed or whose session was signed
    /// out. When the database is away the visitor is neither accepted unchecked nor signed out: the request is marked
    /// <see cref="Unchecked"/> and answered 503 (AccountsSetup.UseAccounts), and the cookie works again afterwards.
    /// </summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.UserId();
        var stamp = principal?.FindFirst(AccountClaims.SecurityStamp)?.Value;
        if (userId is null || stamp is null)
        {
            await RejectAsync(context);
            return;
        }

        try
        {
            if (await CurrentStampAsync(userId.Value, context.HttpContext.RequestAborted) != stamp)
            {
                await RejectAsync(context);
                return;
            }

            if (principal!.FindFirst(AccountClaims.SessionId)?.Value is not { } sessionId)
            {
                // A cookie issued before sessions had ids: give it one, so it can be signed out on its own too.
                var upgraded = new ClaimsIdentity(principal.Claims.Append(new Claim(AccountClaims.SessionId, NewSessionId())), principal.Identity!.AuthenticationType);
                context.ReplacePrincipal(new ClaimsPrincipal(upgraded));
                context.ShouldRenew = true;
                return;
            }

            if (await IsRevokedAsync(sessionId, context.HttpContext.RequestAborted))
            {
                await RejectAsync(context);
            }
        }
        catch (Exception exception) when (DatabaseOutage.IsOutage(exception))
        {
            database.MarkDown(exception.GetBaseException().Message);
            context.RejectPrincipal();
            context.HttpContext.Features.Set(new Unchecked());
        }
    }

    private async Task<string?> CurrentStampAsync(long userId, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(StampKey(userId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CheckCacheTime;
            return users.GetSecurityStampAsync(userId, cancellationToken);
        }))?.ToString();

    private Task<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(RevokedKey(sessionId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CheckCacheTime;
            return revocations.IsRevokedAsync(sessionId, cancellationToken);
        });

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static string NewSessionId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    private static string StampKey(long userId) => $"account:stamp:{userId}";

    private static string RevokedKey(string sessionId) => $"account:revoked:{sessionId}";
}
