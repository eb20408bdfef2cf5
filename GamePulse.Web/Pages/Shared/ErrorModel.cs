using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Pages.Shared;

/// <summary>The site's own error page for 4xx answers and unhandled errors (never a stack trace).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "We could not show this page. Please try again in a moment.";

    public void OnGet(int? status) => Describe(status ?? 500);

    public void OnPost(int? status) => Describe(status ?? 500);

    private void Describe(int status)
    {
        (Heading, Explanation) = status switch
        {
            403 => ("Not allowed", "Your account cannot open this page. Ask an administrator if you need access."),
            404 => ("Page not found", "There is no page at this address. It may have moved, or the link may be mistyped."),
            400 => ("Bad request", "The address or form could not be understood."),
            405 => ("Not allowed", "This page cannot be used that way."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            _ => (Heading, Explanation),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && status == 500)
        {
            Response.StatusCode = 500;
        }
    }
}
