using System.Text.Json;

namespace GamePulse.Tests.Support;

/// <summary>
/// Captures what the process writes to stdout while it is alive: the apps' Serilog JSON lines, exactly as docker's
/// awslogs driver would ship them to CloudWatch. Tests run one class at a time, so redirecting Console.Out is safe.
/// </summary>
public sealed class StdoutCapture : IDisposable
{
    private readonly TextWriter original = Console.Out;
    private readonly StringWriter buffer = new();
    private readonly TextWriter writer;

    public StdoutCapture()
    {
        writer = TextWriter.Synchronized(buffer);
        Console.SetOut(writer);
    }

    public string Text
    {
        get
        {
            // The synchronized writer locks on itself for every write.
            lock (writer)
            {
                return buffer.ToString();
            }
        }
    }

    /// <summary>Every JSON log event written so far (other output is skipped).</summary>
    public IReadOnlyList<JsonElement> Events() =>
        [.. Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement)];

    /// <summary>The request log events (Observability/RequestLog) for a path, oldest first.</summary>
    public IReadOnlyList<JsonElement> RequestsTo(string path) =>
        [.. Events().Where(e => e.GetProperty("MessageTemplate").GetString() == GamePulse.Web.Observability.RequestLog.MessageTemplate
                             && e.GetProperty("Properties").GetProperty("Path").GetString() == path)];

    /// <summary>
    /// The request log events for a path (and filter) once there are <paramref name="expected"/> of them, or whatever is
    /// there after <paramref name="wait"/> (5 s unless given). The app logs a request after its response has gone out,
    /// so over real sockets a client can hold the response before the line is written.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> RequestsToAsync(string path, int expected, TimeSpan? wait = null, Func<JsonElement, bool>? where = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var found = RequestsTo(path).Where(where ?? (_ => true)).ToList();
            if (found.Count >= expected || DateTime.UtcNow >= deadline)
            {
                return found;
            }

            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        Console.SetOut(original);
        buffer.Dispose();
    }
}
