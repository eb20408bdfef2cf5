using GamePulse.Web.Outage;
using Microsoft.AspNetCore.Antiforgery;

namespace GamePulse.Web.Site;

/// <summary>
/// Every error becomes the site's own page (Pages/Error.cshtml), in every environment, with the status the failure
/// deserves: a database that is away is a 503 with Retry-After (docs/decisions/0206), a malformed request or body
/// (bad chunking, a multipart body without its boundary, a bad antiforgery token) is the 4xx it is, and only a bug is
/// a 500. Expected failures are not logged as unhandled exceptions: the outage gets one warning from
/// <see cref="DatabaseAvailability"/>, and the request log line keeps the status.
/// </summary>
public static class SiteErrors
{
    public const string Path = "/error";

    public static WebApplication UseSiteErrors(this WebApplication app)
    {
        var availability = app.Services.GetRequiredService<DatabaseAvailability>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = Path,
            StatusCodeSelector = exception =>
            {
                var status = StatusFor(exception);
                if (status == StatusCodes.Status503ServiceUnavailable)
                {
                    availability.MarkDown(exception.GetBaseException().Message);
                }

                return status;
            },
            SuppressDiagnosticsCallback = context => StatusFor(context.Exception) != StatusCodes.Status500InternalServerError || context.HttpContext.RequestAborted.IsCancellationRequested,
        });
        app.UseStatusCodePagesWithReExecute(Path, "?status={0}");
        return app;
    }

    public static int StatusFor(Exception exception) => exception switch
    {
        _ when DatabaseOutage.IsOutage(exception) => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException bad => bad.StatusCode,
        AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        InvalidDataException => StatusCodes.Status400BadRequest, // a form or multipart body that cannot be parsed
        _ => StatusCodes.Status500InternalServerError,
    };
}
