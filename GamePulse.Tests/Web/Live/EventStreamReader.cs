using System.Text;

namespace GamePulse.Tests.Web.Live;

/// <summary>One event of a text/event-stream as a client reads it (comments are heartbeats).</summary>
public sealed record StreamEvent(string? Id, string Event, string Data, bool IsComment);

/// <summary>
/// A plain text/event-stream client over a real socket: reads fields line by line as EventSource does, so the tests see
/// exactly what a browser would (ids, event names, multi-line data, comment lines).
/// </summary>
public sealed class EventStreamReader : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private EventStreamReader(HttpResponseMessage response, Stream body)
    {
        this.response = response;
        reader = new StreamReader(body, Encoding.UTF8);
    }

    public HttpResponseMessage Response => response;

    public static async Task<EventStreamReader> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new EventStreamReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event or comment, or null when the server ended the stream.</summary>
    public async Task<StreamEvent?> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        string? id = null;
        var name = "message";
        var data = new StringBuilder();
        var any = false;
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (any)
                {
                    return new StreamEvent(id, name, data.ToString(), IsComment: false);
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                if (!any)
                {
                    return new StreamEvent(null, "", line[1..].Trim(), IsComment: true);
                }

                continue;
            }

            any = true;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": name = value; break;
                case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
            }
        }

        return null;
    }

    /// <summary>Reads until an event named <paramref name="eventName"/> (skipping the others), or fails after <paramref name="timeout"/>.</summary>
    public async Task<(StreamEvent Found, List<StreamEvent> Before)> UntilAsync(string eventName, TimeSpan timeout)
    {
        var before = new List<StreamEvent>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var next = await NextAsync(deadline - DateTime.UtcNow) ?? throw new AssertFailedException($"the stream ended before '{eventName}': {string.Join(" | ", before.Select(e => e.Event))}");
            if (!next.IsComment && next.Event == eventName)
            {
                return (next, before);
            }

            before.Add(next);
        }

        throw new AssertFailedException($"no '{eventName}' within {timeout}");
    }

    public async ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        await Task.CompletedTask;
    }
}
