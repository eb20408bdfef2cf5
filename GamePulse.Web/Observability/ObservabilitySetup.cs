using System.Diagnostics;

namespace GamePulse.Web.Observability;

public static class ObservabilitySetup
{
    private static readonly Lazy<ActivityListener> AspNetCoreActivities = new(() =>
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    });

    /// <summary>
    /// ASP.NET Core's hosting log scope adds the raw RequestPath (which may hold an e-mail address or a token) to every
    /// event of a request; it is switched off, and <see cref="RequestLoggingMiddleware"/> adds TraceId and a redacted
    /// path instead. Without that scope ASP.NET Core only starts a request Activity (the W3C trace id) when something
    /// listens to it, hence the process-wide listener.
    /// </summary>
    public static ILoggingBuilder AddGamePulseRequestLogging(this ILoggingBuilder logging)
    {
        // Serilog's AddSerilog adds a provider-specific "everything" rule, which beats a general one: hence both.
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        logging.AddFilter<Serilog.Extensions.Logging.SerilogLoggerProvider>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        _ = AspNetCoreActivities.Value;
        return logging;
    }
}
