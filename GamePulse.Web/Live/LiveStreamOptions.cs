using System.ComponentModel.DataAnnotations;

namespace GamePulse.Web.Live;

/// <summary>The server-sent event streams (docs/decisions/0420), bound from <c>LiveStreams__*</c> and validated at start-up.</summary>
public sealed class LiveStreamOptions
{
    public const string Section = "LiveStreams";

    /// <summary>Off: pages render no stream and poll as before (the endpoint answers 404).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Open streams this process holds at most; one more is answered 503 with Retry-After, and that page polls.</summary>
    [Range(1, 1_000_000)]
    public int MaxSubscribers { get; set; } = 20_000;

    /// <summary>A comment line this often on an idle stream, well inside the idle timeouts of proxies (nginx's is raised to an hour for /live/).</summary>
    [Range(1, 300)]
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>Messages each stream keeps for a reconnect's Last-Event-ID; an older id gets a fresh list instead.</summary>
    [Range(1, 10_000)]
    public int ReplayMessages { get; set; } = 256;

    /// <summary>Retry-After of the 503 beyond <see cref="MaxSubscribers"/>.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 30;
}
