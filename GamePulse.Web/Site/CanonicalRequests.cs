using Microsoft.Extensions.Options;

namespace GamePulse.Web.Site;

/// <summary>
/// Redirects that make one URL the answer: plain HTTP to the public HTTPS URL where the deployment requires HTTPS
/// (Site__RequireHttps), and upper-case paths to their lower-case form (the output cache ignores case, the pages'
/// league and slug checks do not, so an upper-case URL flipped between 200 and 404).
/// </summary>
public static class CanonicalRequests
{
    public static WebApplication UseCanonicalRequests(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var request = context.Request;
            var site = context.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value;
            var readOnly = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
            if (site.RequireHttps && !request.IsHttps && !IsHealthProbe(request.Path))
            {
                // A POST keeps its method and body through a 308; GET and HEAD get the cacheable 301.
                Redirect(context, readOnly ? StatusCodes.Status301MovedPermanently : StatusCodes.Status308PermanentRedirect,
                    site.Origin() + (request.PathBase + request.Path).ToUriComponent() + request.QueryString.ToUriComponent());
                return Task.CompletedTask;
            }

            if (readOnly && HasAsciiUpper(request.Path.Value))
            {
                // The query is kept as sent: its values (a returnUrl, a team name) are not paths.
                Redirect(context, StatusCodes.Status301MovedPermanently,
                    (request.PathBase + new PathString(ToLowerAscii(request.Path.Value!))).ToUriComponent() + request.QueryString.ToUriComponent());
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    // The container's HEALTHCHECK and monitors probe over plain HTTP, inside the network.
    private static bool IsHealthProbe(PathString path) => path.Equals("/healthz", StringComparison.OrdinalIgnoreCase) || path.Equals("/readyz", StringComparison.OrdinalIgnoreCase);

    private static void Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
    }

    private static bool HasAsciiUpper(string? path) => path is not null && path.AsSpan().ContainsAnyInRange('A', 'Z');

    private static string ToLowerAscii(string path) => string.Create(path.Length, path, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        }
    });
}
