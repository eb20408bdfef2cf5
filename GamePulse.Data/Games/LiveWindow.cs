namespace GamePulse.Data.Games;

/// <summary>
/// Which games are "live or starting soon": in progress, or scheduled to tip off within <see cref="Lead"/>. While a
/// day has one, the Worker fetches its scoreboard at the live cadence and the site's pages poll for changes; a cached
/// page lives no longer than until its next game enters the window. One rule for both processes, so the site never
/// polls a day the Worker is not refreshing, nor the other way round.
/// </summary>
public static class LiveWindow
{
    /// <summary>How long before its start a scheduled game counts as starting soon.</summary>
    public static TimeSpan Lead { get; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A scheduled game whose start passed this long ago without it going live is a feed gap (a game never reported),
    /// not a game about to start: it is not worth polling for the rest of the night.
    /// </summary>
    public static TimeSpan StaleAfter { get; } = TimeSpan.FromHours(3);

    public static bool Includes(string state, DateTimeOffset? start, DateTimeOffset now) =>
        GameState.IsInProgress(state)
        || (state == GameState.Scheduled && start is { } s && s - now <= Lead && now - s < StaleAfter);

    public static bool Includes(GameSummary game, DateTimeOffset now) => Includes(game.State, game.StartTime, now);

    /// <summary>The instant the window opens for a scheduled game: <see cref="Lead"/> before its start.</summary>
    public static DateTimeOffset? OpensAt(GameSummary game) => game.StartTime - Lead;
}
