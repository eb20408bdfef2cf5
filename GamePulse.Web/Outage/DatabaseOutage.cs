using Npgsql;

namespace GamePulse.Web.Outage;

/// <summary>
/// Tells a database that is away (refused, dropped, shut down, timed out, out of connections) from a bug, and how the
/// site answers it: a deliberate 503 with Retry-After that no cache keeps (docs/decisions/0206).
/// </summary>
public static class DatabaseOutage
{
    public const int RetryAfterSeconds = 30;

    // Connection exceptions (class 08), shutdowns and "cannot connect now" (57P01-57P03), too many connections.
    private static readonly string[] OutageStates = ["57P01", "57P02", "57P03", "53300"];

    /// <summary>True when the exception, or one it wraps (a key ring read, a cache load), is PostgreSQL being away.</summary>
    public static bool IsOutage(Exception? exception) => exception switch
    {
        null => false,
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || OutageStates.Contains(postgres.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient || IsOutage(npgsql.InnerException),
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsOutage),
        _ => IsOutage(exception.InnerException),
    };

    /// <summary>The headers of every outage answer: come back in half a minute, and never from a cache.</summary>
    public static void MarkUnavailable(HttpResponse response)
    {
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
    }
}
