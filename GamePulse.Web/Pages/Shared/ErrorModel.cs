using GamePulse.Web.Outage;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Pages.Shared;

/// <summary>
/// The site's own page for 4xx answers, unhandled errors and database outages (never a stack trace). It only renders
/// what the status-code and exception handlers re-execute it for, with their status and whatever the original
/// method was; requested directly (any method, any ?status=) it is an unknown page, a 404.
/// </summary>
[IgnoreAntiforgeryToken]
[AnswersAnyMethod]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "We could not show this page. Please try again in a moment.";

    // Runs for every method, also those without a handler (HEAD, TRACE, PUT re-executed from their original request).
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!AllowedMethods.IsReExecuted(HttpContext))
        {
            context.Result = NotFound();
            return;
        }

        var status = Response.StatusCode;
        (Heading, Explanation) = status switch
        {
            403 => ("Not allowed", "Your account cannot open this page. Ask an administrator if you need access."),
            404 => ("Page not found", "There is no page at this address. It may have moved, or the link may be mistyped."),
            400 => ("Bad request", "The address or form could not be understood."),
            405 => ("Not allowed", "This page cannot be used that way."),
            413 => ("Too large", "The form sent more than this page accepts."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            503 => ("Back in a moment", "GamePulse cannot reach its scores right now. Please try again in half a minute."),
            _ => (Heading, Explanation),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            DatabaseOutage.MarkUnavailable(Response);
        }
    }

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }

    // Without a handler of its own, Razor Pages answers OPTIONS with an empty 200 before any filter runs.
    public void OnOptions()
    {
    }
}
