using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GamePulse.Tests.Worker.Ingestion;

/// <summary>Keeps every log event with its structured properties, so tests can read what admins would query.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public IReadOnlyList<LogEvent> WithTemplateStarting(string prefix) => [.. Events.Where(e => e.Template.StartsWith(prefix, StringComparison.Ordinal))];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        var template = properties.FirstOrDefault(p => p.Key == "{OriginalFormat}").Value as string ?? formatter(state, exception);
        Events.Enqueue(new LogEvent(logLevel, template, formatter(state, exception), properties.Where(p => p.Key != "{OriginalFormat}").ToDictionary(p => p.Key, p => p.Value), exception));
    }
}

public sealed record LogEvent(LogLevel Level, string Template, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception);
