using GamePulse.Data.Games;

namespace GamePulse.Worker.Ingestion.Scheduling;

/// <summary>The cadence settings, in one place so the rules below stay pure and testable.</summary>
public sealed record CadenceSettings(TimeSpan Live, TimeSpan Idle, TimeSpan Tolerance)
{
    public static CadenceSettings From(IngestionOptions options) => new(
        TimeSpan.FromSeconds(options.LiveIntervalSeconds),
        TimeSpan.FromSeconds(options.IdleIntervalSeconds),
        // A tick may fire a little early; without slack a 20 s cadence on a 20 s tick would skip every other tick.
        TimeSpan.FromSeconds(Math.Min(2, options.TickSeconds / 2.0)));
}

/// <summary>
/// When to fetch a scoreboard. The scheduler ticks every 10 s (<c>TickSeconds</c>) and asks these rules whether each date is due:
/// fast while any game is live or starting soon (<see cref="LiveWindow"/>, the rule the site's polling follows too:
/// in progress, about to start, or should have started and is not yet reported live), slow otherwise; yesterday only
/// until every game of it has ended.
/// </summary>
public static class ScoreboardCadence
{
    public static TimeSpan IntervalFor(IReadOnlyCollection<GameTiming> games, DateTimeOffset now, CadenceSettings settings) =>
        games.Any(g => LiveWindow.Includes(g.State, g.StartTime, now)) ? settings.Live : settings.Idle;

    public static bool IsDue(DateTimeOffset? lastRunStarted, DateTimeOffset now, TimeSpan interval, TimeSpan tolerance) =>
        lastRunStarted is not { } last || now - last + tolerance >= interval;

    /// <summary>Today's scoreboard: due when its interval has passed since the last run.</summary>
    public static bool TodayIsDue(IReadOnlyCollection<GameTiming> games, DateTimeOffset? lastRunStarted, DateTimeOffset now, CadenceSettings settings) =>
        IsDue(lastRunStarted, now, IntervalFor(games, now, settings), settings.Tolerance);

    /// <summary>
    /// Yesterday's scoreboard (late games cross midnight Eastern): polled until it has been fetched successfully once
    /// and all of its games have ended, at the same cadence as today's. So a Worker started after midnight still picks
    /// up last night's finals, and a failed first fetch is retried.
    /// </summary>
    public static bool YesterdayIsDue(IReadOnlyCollection<GameTiming> games, DateTimeOffset? lastRunStarted, bool everSucceeded, DateTimeOffset now, CadenceSettings settings) =>
        (!everSucceeded || !AllEnded(games)) && IsDue(lastRunStarted, now, IntervalFor(games, now, settings), settings.Tolerance);

    public static bool AllEnded(IReadOnlyCollection<GameTiming> games) =>
        games.All(g => g.State is GameState.Final or GameState.Postponed or GameState.Canceled);
}
