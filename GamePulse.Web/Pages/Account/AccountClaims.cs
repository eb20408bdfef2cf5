using System.Security.Claims;

namespace GamePulse.Web.Pages.Account;

/// <summary>The claims of the session cookie and how pages read them.</summary>
public static class AccountClaims
{
    public const string SecurityStamp = "gp_stamp";

    /// <summary>A random id per sign-in, so one session can be signed out without the others (decision 0207).</summary>
    public const string SessionId = "gp_sid";
    public const string AdminRole = "admin";

    public static long? UserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email);
}
