using System.Globalization;
using GamePulse.Data.Games;

namespace GamePulse.Data.Live;

/// <summary>
/// The server-sent event streams of the site (docs/decisions/0420), defined once: their URLs, the names of the events
/// on them and the key of a stream's fan-out group. A page, the Web's endpoint, the load bench and the demo's latency
/// bench all write or read these.
/// </summary>
public static class LiveStreams
{
    /// <summary>The query parameter of a first connection: the page's <see cref="Watermark"/>, so a change between the render and the connection is not lost.</summary>
    public const string SinceKey = "since";

    /// <summary>Sent when the page must fetch its list again (a game changed section, a game came or went, the stream could not resume).</summary>
    public const string ResyncEvent = "resync";

    /// <summary>Sent once per change with the changed game ids; pages that cannot take a shared card (signed-in visitors') refresh on it.</summary>
    public const string ChangedEvent = "changed";

    /// <summary>Sent last, when nothing on the stream can change any more; the page closes its EventSource on it.</summary>
    public const string EndEvent = "end";

    /// <summary>"/live/{league}/{yyyy-MM-dd}[/{view}]": the stream of one scoreboard day.</summary>
    public static string Scoreboard(LiveStreamKey key) =>
        string.Concat("/live/", key.League, "/", EasternCalendar.Iso(key.Date), ViewSuffix(key.View));

    /// <summary>"/live/{league}/{yyyy-MM-dd}/games/{id}[/{view}]": the stream of one game (its day's stream, filtered to it).</summary>
    public static string Game(LiveStreamKey key, long gameId) =>
        string.Concat("/live/", key.League, "/", EasternCalendar.Iso(key.Date), "/games/", gameId.ToString(CultureInfo.InvariantCulture), ViewSuffix(key.View));

    /// <summary>"game-{id}": the event whose data is that game's card, swapped in place by the card's <c>sse-swap</c>.</summary>
    public static string CardEvent(long gameId) => string.Concat("game-", gameId.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The version of a list of games as a number: the latest of their row and detail versions in ticks. A page
    /// connects with it, and a stream that has seen a later change tells the page to fetch its list again.
    /// </summary>
    public static long Watermark(IEnumerable<GameSummary> games)
    {
        var latest = 0L;
        foreach (var game in games)
        {
            latest = Math.Max(latest, Math.Max(game.UpdatedAt.UtcTicks, game.DetailUpdatedAt?.UtcTicks ?? 0));
        }

        return latest;
    }

    private static string ViewSuffix(LiveView view) => view == LiveView.Default ? "" : string.Concat("/", view.Name);
}

/// <summary>
/// A stream's fan-out group: every subscriber with the same key receives the same bytes, rendered once per change.
/// <see cref="View"/> is the rendering variant (time zone, spoiler-free, …): a variant that changes the card gets its own
/// group and URL segment; today there is only <see cref="LiveView.Default"/>.
/// </summary>
public sealed record LiveStreamKey(string League, DateOnly Date, LiveView View);

/// <summary>A rendering variant of the shared cards, named by a URL-safe token.</summary>
public sealed record LiveView(string Name)
{
    public static LiveView Default { get; } = new("default");

    /// <summary>The views a stream URL may name; a new variant is added here and rendered by the hub.</summary>
    public static IReadOnlyList<LiveView> All { get; } = [Default];

    public static bool TryParse(string? name, out LiveView view)
    {
        view = All.FirstOrDefault(v => v.Name == (name ?? Default.Name))!;
        return view is not null;
    }
}
