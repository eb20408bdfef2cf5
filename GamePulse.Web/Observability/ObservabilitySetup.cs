using System.Diagnostics;
using Serilog.Extensions.Hosting;

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
    /// event of a request, and its own request lines log the raw path and query; both are switched off, and
    /// <see cref="RequestLog"/> logs a redacted path with TraceId instead. Without that scope ASP.NET Core only starts a
    /// request Activity (the W3C trace id) when something listens to it, hence the process-wide listener.
    /// </summary>
    public static ILoggingBuilder AddGamePulseRequestLogging(this ILoggingBuilder logging)
    {
        // The hosting logger must be off at every level (LogLevel.None): it opens the scope while Critical is enabled.
        // Serilog's AddSerilog adds a provider-specific "everything" rule, which beats a general one: hence both.
        // (That is also why Serilog is added as a logging provider, not as the ILoggerFactory: these rules would not apply.)
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        logging.AddFilter<Serilog.Extensions.Logging.SerilogLoggerProvider>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // Serilog.AspNetCore's request logging collects ClientIp and Scheme through the diagnostic context.
        logging.Services.AddSingleton(services => new DiagnosticContext(services.GetRequiredService<Serilog.ILogger>()));
        logging.Services.AddSingleton<Serilog.IDiagnosticContext>(services => services.GetRequiredService<DiagnosticContext>());
        _ = AspNetCoreActivities.Value;
        return logging;
    }
}
