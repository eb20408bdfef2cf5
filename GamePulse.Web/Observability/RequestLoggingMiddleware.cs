using System.Diagnostics;

namespace GamePulse.Web.Observability;

/// <summary>
/// One log line per request: "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs} ms", with ClientIp and Scheme
/// beside it, and TraceId / RequestId (nginx's $request_id) on every event logged while the request runs.
/// The query string is never logged (it may carry tokens) and the path is passed through <see cref="LoggedPath"/>.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public const string MessageTemplate = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs} ms";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["TraceId"] = Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier,
            ["RequestId"] = RequestIdFrom(context.Request),
        });

        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            Log(context, failed, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Log(HttpContext context, bool failed, TimeSpan elapsed)
    {
        // An exception that escaped every handler becomes a 500 once the server sees it.
        var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
        var level = status >= 500 ? LogLevel.Error : LogLevel.Information;
        if (!logger.IsEnabled(level))
        {
            return;
        }

        using var details = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ClientIp"] = context.Connection.RemoteIpAddress?.ToString(),
            ["Scheme"] = context.Request.Scheme,
        });
        logger.Log(level, MessageTemplate, context.Request.Method, LoggedPath.From(context.Request.PathBase.Add(context.Request.Path)),
            status, Math.Round(elapsed.TotalMilliseconds, 1));
    }

    // nginx sends a 32-hex-digit $request_id; anything else a client made up is not worth a log field.
    private static string? RequestIdFrom(HttpRequest request) =>
        request.Headers["X-Request-Id"].ToString() is { Length: > 0 and <= 64 } value && value.All(char.IsAsciiLetterOrDigit) ? value : null;
}

public static class RequestLoggingExtensions
{
    public static IApplicationBuilder UseGamePulseRequestLogging(this IApplicationBuilder app) => app.UseMiddleware<RequestLoggingMiddleware>();
}
