using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GamePulse.Web.Health;

/// <summary>
/// The JSON body of /healthz and /readyz:
/// <c>{"status":"healthy","durationMs":4,"checks":{"database":{"status":"healthy","description":"...","durationMs":2,"data":{}}}}</c>.
/// Exceptions are never written (they may name hosts or users); they are in the Web's log.
/// </summary>
public static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // Probes must see the current state, never a cached one (nginx or a browser).
        context.Response.Headers.CacheControl = "no-store";

        // Built in memory, then written once: Kestrel forbids the synchronous writes a stream-backed writer may do.
        var buffer = new ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("status", Name(report.Status));
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", Name(entry.Status));
            if (entry.Description is not null)
            {
                json.WriteString("description", entry.Description);
            }

            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds));
            json.WritePropertyName("data");
            JsonSerializer.Serialize(json, entry.Data);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
