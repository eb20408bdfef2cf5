namespace GamePulse.Web.Outage;

/// <summary>
/// Whether PostgreSQL is away right now, as this instance last saw it: down when a request or the NOTIFY listener
/// cannot reach it, up again when the listener reconnects or its heartbeat answers. While down, the output cache
/// serves pages past their lifetime. One warning per outage, one line when it ends, not a stack trace per request.
/// </summary>
public sealed class DatabaseAvailability(ILogger<DatabaseAvailability> logger, TimeProvider clock)
{
    private readonly Lock gate = new();
    private DateTimeOffset? downSince;

    public bool IsDown
    {
        get
        {
            lock (gate)
            {
                return downSince is not null;
            }
        }
    }

    public void MarkDown(string reason)
    {
        lock (gate)
        {
            if (downSince is not null)
            {
                return;
            }

            downSince = clock.GetUtcNow();
        }

        logger.LogWarning("The database is unreachable ({Reason}): pages that need it answer 503, cached pages are served past their lifetime until it answers again", reason);
    }

    public void MarkUp()
    {
        DateTimeOffset since;
        lock (gate)
        {
            if (downSince is not { } down)
            {
                return;
            }

            since = down;
            downSince = null;
        }

        logger.LogInformation("The database answers again after {OutageSeconds} s", Math.Round((clock.GetUtcNow() - since).TotalSeconds));
    }
}
