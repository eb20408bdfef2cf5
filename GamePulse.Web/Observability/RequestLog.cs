using System.Diagnostics;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Context;
using Serilog.Events;

namespace GamePulse.Web.Observability;

/// <summary>
/// One log line per request, written by Serilog.AspNetCore's request logging: "HTTP {Method} {Path} responded
/// {StatusCode} in {ElapsedMs} ms" with ClientIp and Scheme beside it, at Error for a 5xx. TraceId and RequestId
/// (nginx's $request_id) are on every event logged while the request runs, the request line included.
/// The query string is never logged (it may carry tokens) and the path is passed through <see cref="LoggedPath"/>.
/// </summary>
public static class RequestLog
{
    public const string MessageTemplate = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs} ms";

    public static IApplicationBuilder UseGamePulseRequestLogging(this IApplicationBuilder app)
    {
        app.Use(WithRequestIdsAsync);
        return app.UseSerilogRequestLogging(options =>
        {
            // The host's own logger, not Serilog's static Log.Logger (which nothing here configures).
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = MessageTemplate;
            options.GetLevel = LevelOf;
            options.GetMessageTemplateProperties = TemplatePropertiesOf;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("ClientIp", context.Connection.RemoteIpAddress?.ToString());
                diagnostics.Set("Scheme", context.Request.Scheme);
            };
        });
    }

    private static async Task WithRequestIdsAsync(HttpContext context, RequestDelegate next)
    {
        using (LogContext.PushProperty("TraceId", Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier))
        using (LogContext.PushProperty("RequestId", RequestIdFrom(context.Request)))
        {
            await next(context);
        }
    }

    // An exception that escaped every handler is reported with status 500 (what the server then sends).
    private static LogEventLevel LevelOf(HttpContext context, double elapsedMs, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error : LogEventLevel.Information;

    // Serilog's own choice (RequestMethod, RequestPath with the raw path, Elapsed) is replaced by the names the CloudWatch
    // filters and saved queries read, and the raw path by the masked one.
    private static IEnumerable<LogEventProperty> TemplatePropertiesOf(HttpContext context, string rawPath, double elapsedMs, int statusCode) =>
    [
        new("Method", new ScalarValue(context.Request.Method)),
        new("Path", new ScalarValue(LoggedPath.From(context.Request.PathBase.Add(context.Request.Path)))),
        new("StatusCode", new ScalarValue(statusCode)),
        new("ElapsedMs", new ScalarValue(Math.Round(elapsedMs, 1))),
    ];

    // nginx sends a 32-hex-digit $request_id; anything else a client made up is not worth a log field.
    private static string? RequestIdFrom(HttpRequest request) =>
        request.Headers["X-Request-Id"].ToString() is { Length: > 0 and <= 64 } value && value.All(char.IsAsciiLetterOrDigit) ? value : null;
}
