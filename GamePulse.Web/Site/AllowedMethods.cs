using System.Collections.Concurrent;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Site;

/// <summary>
/// Razor Pages match every HTTP method and, when no handler fits, render the page without running one (a TRACE on a
/// scoreboard rendered it with no data: a 500). Here a page answers only the methods it has handlers for, HEAD
/// wherever it has GET: any other method is a 405 with an Allow header, and a method whose handlers all have names,
/// asked for without a matching ?handler=, is a 404. Endpoints mapped with methods (health, sitemaps) get the same
/// from routing.
/// </summary>
public static class AllowedMethods
{
    private static readonly ConcurrentDictionary<CompiledPageActionDescriptor, string[]> Allowed = new();

    public static WebApplication UseAllowedMethods(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint?.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not { } page
                || endpoint.Metadata.GetMetadata<AnswersAnyMethodAttribute>() is not null
                || IsReExecuted(context))
            {
                return next(context);
            }

            var method = context.Request.Method;
            var allowed = Allowed.GetOrAdd(page, AllowedBy);
            if (!allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = string.Join(", ", allowed);
                return Task.CompletedTask;
            }

            if (!HasHandler(page, method, HandlerName(context)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Requests the error pages re-execute keep their original method; the error page answers them all.</summary>
    public static bool IsReExecuted(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    private static string[] AllowedBy(CompiledPageActionDescriptor page)
    {
        var methods = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
        if (methods.Count == 0 || methods.Contains(HttpMethods.Get))
        {
            methods.Insert(0, HttpMethods.Get);
            methods.Add(HttpMethods.Head);
        }

        return [.. methods.Distinct().OrderBy(m => m == HttpMethods.Get ? 0 : m == HttpMethods.Head ? 1 : 2).ThenBy(m => m, StringComparer.Ordinal)];
    }

    private static bool HasHandler(CompiledPageActionDescriptor page, string method, string? name)
    {
        // HEAD runs the GET handlers, as Razor Pages' own selector does.
        var httpMethod = HttpMethods.IsHead(method) && !page.HandlerMethods.Any(h => HttpMethods.IsHead(h.HttpMethod)) ? HttpMethods.Get : method;
        var candidates = page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, httpMethod, StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates.Count == 0
            || candidates.Any(h => h.Name is null)
            || (name is not null && candidates.Any(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)));
    }

    private static string? HandlerName(HttpContext context) =>
        context.GetRouteValue("handler") as string is { Length: > 0 } routed ? routed
        : context.Request.Query["handler"] is { Count: > 0 } query ? query[0]
        : null;
}

/// <summary>A page that answers every method itself (the error page renders other requests' errors, whatever their method).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AnswersAnyMethodAttribute : Attribute;
