namespace GamePulse.Worker.Ingestion.Http;

/// <summary>
/// Spaces request starts at least 1/rate apart, across every caller of one source (scheduler jobs, backfill, retries).
/// A simple gate is enough: the Worker makes a handful of requests a minute, and the cap exists to stay polite.
/// </summary>
public sealed class RequestRateLimiter(double requestsPerSecond, TimeProvider clock) : IDisposable
{
    private readonly TimeSpan interval = TimeSpan.FromSeconds(1 / requestsPerSecond);
    private readonly SemaphoreSlim gate = new(1, 1);
    private DateTimeOffset nextAllowed = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var wait = nextAllowed - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            nextAllowed = clock.GetUtcNow() + interval;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
