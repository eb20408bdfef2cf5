using System.Security.Claims;
using GamePulse.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Account;

/// <summary>Issues the session cookie and checks, on each request, that it has not been revoked.</summary>
public sealed class SessionCookie(UserRepository users, IOptions<AdminOptions> admin, IMemoryCache cache, ILogger<SessionCookie> logger)
{
    public const string CookieName = "gp_auth";

    // How long one Web instance trusts a security stamp before asking PostgreSQL again: "sign out everywhere" reaches
    // other instances within this time; the instance that rotates the stamp forgets it at once.
    private static readonly TimeSpan StampCacheTime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Issues the session cookie of a user whose sign-in is recorded (<see cref="UserRepository.SignInAsync"/>); the
    /// caller issues it only once that unit of work has committed.
    /// </summary>
    public async Task SignInAsync(HttpContext http, User user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Email, user.Email),
            new(AccountClaims.SecurityStamp, user.SecurityStamp.ToString()),
        };
        if (admin.Value.IsAdmin(user.Email))
        {
            claims.Add(new Claim(ClaimTypes.Role, AccountClaims.AdminRole));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = true });
        logger.LogInformation("User {UserId} signed in", user.Id);
    }

    /// <summary>
    /// Forgets the cached stamp of a user, once their new stamp (or their deletion) has committed: this instance then
    /// asks PostgreSQL at the next request instead of trusting the old stamp for up to <see cref="StampCacheTime"/>.
    /// </summary>
    public void Forget(long userId) => cache.Remove(CacheKey(userId));

    /// <summary>Cookie event: rejects a cookie whose user is gone or whose security stamp has changed.</summary>
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

        var current = await cache.GetOrCreateAsync(CacheKey(userId.Value), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = StampCacheTime;
            return users.GetSecurityStampAsync(userId.Value, context.HttpContext.RequestAborted);
        });
        if (current?.ToString() != stamp)
        {
            await RejectAsync(context);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static string CacheKey(long userId) => $"account:stamp:{userId}";
}
