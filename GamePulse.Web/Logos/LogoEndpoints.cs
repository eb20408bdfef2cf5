using System.Globalization;
using GamePulse.Data.Site;
using GamePulse.Data.Teams.Logos;

namespace GamePulse.Web.Logos;

/// <summary>
/// /logos/{teamId}?v={version}: a team's logo from the site's own origin, as the Worker stored it (decision 0441), so
/// visitors' browsers never ask a third-party CDN and the CSP allows images from 'self' only. The URL carries the
/// content's hash: the current version is immutable for a year with an ETag; another version is a 302 to the current
/// one; an unknown team or one without a stored logo is 404 (pages then draw the colour disc); a malformed query 400.
/// </summary>
public static class LogoEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapLogos(this IEndpointRouteBuilder app)
    {
        app.MapMethods(SiteUrls.LogoPrefix + "{teamId}", GetAndHead, async (string teamId, HttpContext context, TeamLogoRepository logos, CancellationToken cancellationToken) =>
        {
            var version = context.Request.Query[SiteUrls.VersionKey];
            if (version.Count > 1 || (version.Count == 1 && version[0] is not { Length: > 0 and <= 64 }))
            {
                return Results.BadRequest();
            }

            if (!int.TryParse(teamId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0
                || await logos.FindAsync(id, cancellationToken) is not { } logo)
            {
                return Results.NotFound();
            }

            if (version.Count == 0 || version[0] != logo.Version)
            {
                context.Response.Headers.CacheControl = "public, max-age=300";
                return Results.Redirect(SiteUrls.Logo(id, logo.Version));
            }

            var etag = $"\"{logo.Version}\"";
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString().Contains(etag, StringComparison.Ordinal))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            // The Worker only stores the allowed raster types; say so again in case the table was written by hand.
            return LogoImages.IsAllowedType(logo.ContentType) ? Results.Bytes(logo.Content, logo.ContentType) : Results.NotFound();
        });

        return app;
    }
}
