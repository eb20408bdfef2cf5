namespace GamePulse.Web.Site;

/// <summary>
/// Site-wide response headers: a Content-Security-Policy without inline scripts or styles and with images from the
/// site's own origin only (team logos are served by the site since decision 0441; data: for inline SVG), no framing, no MIME sniffing, and a referrer policy pages may tighten (the sign-in pages
/// send none at all). HSTS is nginx's alone, sent over HTTPS (docs/decisions/0205): two sources disagreed on its
/// lifetime. nginx adds Permissions-Policy.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>What antiforgery writes on every page with a form token (it cannot know the page is personal).</summary>
    private const string AntiforgeryNoCache = "no-cache, no-store";

    /// <summary>A page with a form token belongs to one visitor: no shared cache may keep it.</summary>
    public const string PrivateNoStore = "private, no-cache, no-store";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                if (headers.CacheControl == AntiforgeryNoCache)
                {
                    headers.CacheControl = PrivateNoStore;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>For pages whose URL holds a secret (a sign-in token): no Referer header leaves them.</summary>
    public static void SendNoReferrer(this HttpResponse response) => response.Headers["Referrer-Policy"] = "no-referrer";
}
