using GamePulse.Data.Games;

namespace GamePulse.Worker.Ingestion.Scheduling;

/// <summary>The cadence settings, in one place so the rules below stay pure and testable.</summary>
public sealed record CadenceSettings(TimeSpan Live, TimeSpan Idle, TimeSpan Soon, TimeSpan Tolerance)
{
    public static CadenceSettings From(IngestionOptions options) => new(
        TimeSpan.FromSeconds(options.LiveIntervalSeconds),
        TimeSpan.FromSeconds(options.IdleIntervalSeconds),
        TimeSpan.FromMinutes(options.SoonMinutes),
        // A tick may fire a little early; without slack a 20 s cadence on a 20 s tick would skip every other tick.
        TimeSpan.FromSeconds(Math.Min(2, options.TickSeconds / 2.0)));
}

/// <summary>
/// When to fetch a scoreboard. The scheduler ticks every 20 s (<see cref="ScoreboardJob"/>) and asks these rules whether each date is due:
/// fast while any game is in progress or starts soon (or should have started and is not yet reported live),
/// slow otherwise; yesterday only until every game of it has ended.
/// </summary>
public static class ScoreboardCadence
{
    // A scheduled game whose start passed this long ago without going live is treated as stale data, not "starting".
    private static readonly TimeSpan StartingWindow = TimeSpan.FromHours(3);

    public static TimeSpan IntervalFor(IReadOnlyCollection<GameTiming> games, DateTimeOffset now, CadenceSettings settings) =>
        games.Any(g => IsActive(g, now, settings.Soon)) ? settings.Live : settings.Idle;

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

    private static bool IsActive(GameTiming game, DateTimeOffset now, TimeSpan soon) =>
        GameState.IsInProgress(game.State)
        || (game.State == GameState.Scheduled && game.StartTime is { } start && start - now <= soon && now - start <= StartingWindow);
}
