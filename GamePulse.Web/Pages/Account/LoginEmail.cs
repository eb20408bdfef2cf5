using System.Text.Encodings.Web;
using GamePulse.Data.Accounts;
using GamePulse.Web.Site;

namespace GamePulse.Web.Pages.Account;

/// <summary>The sign-in email: link (built from Site__PublicBaseUrl, never the Host header), code, expiry, and a way out.</summary>
public static class LoginEmail
{
    public static OutgoingEmail Compose(SiteOptions site, string to, string token, string code, TimeSpan lifetime, string? returnUrl)
    {
        var path = $"/account/verify?token={Uri.EscapeDataString(token)}";
        if (returnUrl is not null)
        {
            path += $"&returnUrl={Uri.EscapeDataString(returnUrl)}";
        }

        var link = site.Absolute(path);
        var minutes = (int)lifetime.TotalMinutes;
        var spacedCode = $"{code[..4]} {code[4..]}";
        var text = $"""
            Sign in to {site.Name}

            Open this link to sign in:
            {link}

            Or type this code on the page where you asked to sign in: {spacedCode}

            The link and the code work once and expire in {minutes} minutes.

            If you didn't ask for this, ignore this email: nobody can sign in without it.
            """;
        var html = HtmlEncoder.Default;
        var htmlBody = $"""
            <!DOCTYPE html>
            <html><body>
            <h1>Sign in to {html.Encode(site.Name)}</h1>
            <p><a href="{html.Encode(link)}">Sign in to {html.Encode(site.Name)}</a></p>
            <p>Or type this code on the page where you asked to sign in: <strong>{spacedCode}</strong></p>
            <p>The link and the code work once and expire in {minutes} minutes.</p>
            <p>If you didn't ask for this, ignore this email: nobody can sign in without it.</p>
            </body></html>
            """;
        return new OutgoingEmail(to, $"Your {site.Name} sign-in link", text, htmlBody);
    }
}
