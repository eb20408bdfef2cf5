using System.Collections.Concurrent;

namespace GamePulse.Worker.Ingestion;

/// <summary>
/// Remembers which keys (a job and league, a source) are currently failing, so an outage is logged as one warning when
/// it starts and one line when it ends, not a stack trace every 20 seconds.
/// </summary>
public sealed class FailureStreaks
{
    private readonly ConcurrentDictionary<string, int> failing = new(StringComparer.Ordinal);

    /// <summary>Counts a failure; true for the first of a streak (the one to log).</summary>
    public bool Fail(string key) => failing.AddOrUpdate(key, 1, (_, count) => count + 1) == 1;

    /// <summary>Ends a streak; the number of failures it had, or 0 when there was none.</summary>
    public int Recover(string key) => failing.TryRemove(key, out var count) ? count : 0;
}
