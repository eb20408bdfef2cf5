using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;
using Serilog.Sinks.SystemConsole.Themes;

namespace GamePulse.Hosting;

/// <summary>How log events reach stdout.</summary>
public enum LogFormat
{
    /// <summary>
    /// One JSON object per line (Timestamp, Level, MessageTemplate, RenderedMessage, Properties.*, Exception): docker's
    /// awslogs driver ships stdout to CloudWatch, whose metric filters and saved queries (infrastructure/logs.tf) read
    /// exactly these names.
    /// </summary>
    Json,

    /// <summary>Readable lines for a person at a terminal, coloured when stdout is one (`make run`).</summary>
    Text,
}

/// <summary>
/// Both processes log through Serilog with the same levels: `Logging__MinimumLevel` for our code, framework chatter at
/// Warning unless a quieter level is asked for. JSON outside Development, text in it; `Logging__Format` (json, text)
/// overrides that choice.
/// </summary>
public static class GamePulseLogging
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {service}: {Message:lj}{NewLine}{Exception}";

    // Framework sources that log routine work at Information; our own code logs what matters about it.
    private static readonly string[] Frameworks =
    [
        "Microsoft",
        "System",
        // Coravel's scheduler says at Information that it stopped; the Worker logs its own start and outages.
        "Coravel",
        // FluentMigrator logs every statement and script it runs; `migrate` logs one line per migration itself.
        "FluentMigrator",
    ];

    public static void AddGamePulseLogging(this ILoggingBuilder logging, IConfiguration configuration, IHostEnvironment environment, string service) =>
        logging.AddGamePulseLogging(configuration, FormatFor(configuration, environment), service);

    public static void AddGamePulseLogging(this ILoggingBuilder logging, IConfiguration configuration, LogFormat format, string service)
    {
        var logger = CreateLogger(configuration, format, service);
        logging.ClearProviders();
        logging.AddSerilog(logger, dispose: true);
        logging.SetMinimumLevel(LogLevel.Trace);
        // The Web's request log writes through this logger too (Serilog.AspNetCore's middleware takes a Serilog ILogger).
        logging.Services.AddSingleton<Serilog.ILogger>(logger);
    }

    public static LogFormat FormatFor(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Logging:Format"] switch
        {
            null or "" => environment.IsDevelopment() ? LogFormat.Text : LogFormat.Json,
            var value when Enum.TryParse<LogFormat>(value, ignoreCase: true, out var format) && Enum.IsDefined(format) => format,
            var value => throw new StartupConfigurationException("Logging__Format", $"'{value}' is not a format (json, text)"),
        };

    private static Serilog.Core.Logger CreateLogger(IConfiguration configuration, LogFormat format, string service)
    {
        var level = ParseLevel(configuration["Logging:MinimumLevel"]);
        var frameworkLevel = level > LogEventLevel.Warning ? level : LogEventLevel.Warning;
        var settings = new LoggerConfiguration().MinimumLevel.Is(level);
        foreach (var framework in Frameworks)
        {
            settings.MinimumLevel.Override(framework, frameworkLevel);
        }

        settings.Enrich.FromLogContext().Enrich.WithProperty("service", service);
        return (format == LogFormat.Json
                ? settings.WriteTo.Console(new JsonFormatter(renderMessage: true, formatProvider: CultureInfo.InvariantCulture))
                : settings.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: CultureInfo.InvariantCulture, theme: AnsiConsoleTheme.Code))
            .CreateLogger();
    }

    private static LogEventLevel ParseLevel(string? value) =>
        string.IsNullOrWhiteSpace(value) ? LogEventLevel.Information
        : Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level) ? level
        : throw new StartupConfigurationException("Logging__MinimumLevel", $"'{value}' is not a level (Verbose, Debug, Information, Warning, Error, Fatal)");
}
