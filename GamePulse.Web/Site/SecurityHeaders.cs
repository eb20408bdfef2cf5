namespace GamePulse.Web.Site;

/// <summary>
/// Security headers that depend on what the pages contain, so the app owns them (nginx adds only Permissions-Policy and,
/// over HTTPS, HSTS; see nginx/snippets/gamepulse-headers.conf). Scripts come from our own origin only (htmx is served
/// from /lib): an inline &lt;script&gt; would be blocked. Inline styles are allowed because htmx injects its indicator
/// style; team logos may come from any https origin (the feeds' CDNs).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseGamePulseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // OnStarting: the exception handler clears headers set earlier; these must be on every response, error pages included.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
            return Task.CompletedTask;
        });
        return next(context);
    });
}
