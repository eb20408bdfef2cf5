using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace GamePulse.Data.Hosting;

/// <summary>
/// Both processes log one JSON object per line to stdout (Timestamp, Level, MessageTemplate, RenderedMessage,
/// Properties.service, Exception); docker's awslogs driver ships stdout to CloudWatch, where Logs Insights parses it.
/// </summary>
public static class JsonLogging
{
    public static void AddGamePulseJsonLogging(this ILoggingBuilder logging, IConfiguration configuration, string service)
    {
        var level = ParseLevel(configuration["Logging:MinimumLevel"]);
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            // Framework chatter stays at Warning unless asked for; our own code logs at the configured level.
            .MinimumLevel.Override("Microsoft", level > LogEventLevel.Warning ? level : LogEventLevel.Warning)
            .MinimumLevel.Override("System", level > LogEventLevel.Warning ? level : LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", level > LogEventLevel.Warning ? level : LogEventLevel.Warning)
            // Quartz's job store warns with a stack trace on every transient database retry (several a second while the
            // database is down); the Worker logs one warning per outage itself, so only the store's errors are kept.
            .MinimumLevel.Override("Quartz.Impl.AdoJobStore", level > LogEventLevel.Error ? level : LogEventLevel.Error)
            // FluentMigrator logs every statement and script it runs at Information; `migrate` logs one line per migration itself.
            .MinimumLevel.Override("FluentMigrator", level > LogEventLevel.Warning ? level : LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("service", service)
            .WriteTo.Console(new JsonFormatter(renderMessage: true))
            .CreateLogger();
        logging.ClearProviders();
        logging.AddSerilog(logger, dispose: true);
        logging.SetMinimumLevel(LogLevel.Trace);
        logging.Services.AddSingleton(logger);
    }

    private static LogEventLevel ParseLevel(string? value) =>
        string.IsNullOrWhiteSpace(value) ? LogEventLevel.Information
        : Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out var level) ? level
        : throw new StartupConfigurationException("Logging__MinimumLevel", $"'{value}' is not a level (Verbose, Debug, Information, Warning, Error, Fatal)");
}
