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
            // Coravel's scheduler says at Information that it stopped; the Worker logs its own start and outages.
            .MinimumLevel.Override("Coravel", level > LogEventLevel.Warning ? level : LogEventLevel.Warning)
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
