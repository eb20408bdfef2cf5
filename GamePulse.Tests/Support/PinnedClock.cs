namespace GamePulse.Tests.Support;

/// <summary>
/// A clock that reads one instant: for code whose result depends on the time it runs (which schedule slot a firing
/// claims, which dates "today" means), so a test names the instant instead of racing the wall clock across a tick or
/// a minute. Timers and timestamps stay the system's.
/// </summary>
public sealed class PinnedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
