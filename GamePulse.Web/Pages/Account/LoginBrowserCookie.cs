using System.Security.Cryptography;
using GamePulse.Data.Accounts;
using Microsoft.AspNetCore.WebUtilities;

namespace GamePulse.Web.Pages.Account;

/// <summary>
/// Binds a sign-in request to the browser that made it: the emailed code only works in a browser holding this
/// random value (only its hash is stored), so a leaked code alone is useless.
/// </summary>
public static class LoginBrowserCookie
{
    public const string Name = "gp_login";

    public static byte[] Issue(HttpContext http, TimeSpan lifetime)
    {
        var value = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        http.Response.Cookies.Append(Name, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps, // as the session cookie: Secure whenever the request is HTTPS (decision 0205)
            SameSite = SameSiteMode.Lax,
            Path = "/account",
            MaxAge = lifetime,
            IsEssential = true,
        });
        return Secrets.Hash(value);
    }

    public static byte[]? Read(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? Secrets.Hash(value) : null;

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(Name, new CookieOptions { Path = "/account" });
}
