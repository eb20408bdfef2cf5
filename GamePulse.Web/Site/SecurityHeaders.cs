namespace GamePulse.Web.Site;

/// <summary>
/// Site-wide response headers (nginx adds only Permissions-Policy and, over HTTPS, HSTS): a Content-Security-Policy without inline scripts or styles (team logos may come from any https CDN a feed names), no framing, no MIME
/// sniffing, and a referrer policy pages may tighten (the sign-in pages send none at all).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; script-src 'self'; style-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // only on HTTPS responses; nginx terminates TLS and forwards the scheme
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>For pages whose URL holds a secret (a sign-in token): no Referer header leaves them.</summary>
    public static void SendNoReferrer(this HttpResponse response) => response.Headers["Referrer-Policy"] = "no-referrer";
}
