using System.Globalization;
using GamePulse.Data.Games;
using GamePulse.Data.Live;

namespace GamePulse.Web.Live;

/// <summary>
/// The fan-out of one stream key (a league's day in one view): it keeps the version of every game it last saw, and
/// when the Worker's NOTIFY makes it read the day again (<see cref="LiveHubs"/>) it renders each changed card ONCE into
/// an event and appends it to a short log that every subscriber reads from. A subscriber is a cursor into that log,
/// not a queue of its own: one change costs one render and one byte array, however many pages are open. The log is
/// also the replay buffer of Last-Event-ID ("{epoch}.{sequence}"); an id from another epoch (a restarted process, a
/// hub dropped while nobody watched) or older than the log gets a <see cref="LiveStreams.ResyncEvent"/>.
/// </summary>
public sealed class LiveHub
{
    private readonly object gate = new();
    private readonly LiveMessage?[] log;
    private readonly string epoch;
    private Dictionary<long, CardVersion> versions = [];
    private HashSet<long> openGames = [];
    private long lastSequence;
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveHub(LiveStreamKey key, int replayMessages)
    {
        Key = key;
        log = new LiveMessage?[replayMessages];
        epoch = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
    }

    public LiveStreamKey Key { get; }

    /// <summary>The latest game version the hub has seen (<see cref="LiveStreams.Watermark"/>).</summary>
    public long Watermark { get; private set; }

    /// <summary>Whether nothing of the day can change any more (every game settled, or none left in the live window).</summary>
    public bool Ended { get; private set; }

    /// <summary>Completes once the first read of the day is in (faults if it failed).</summary>
    public Task Ready => ready.Task;

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The games as they are when the hub opens: nothing is sent for them.</summary>
    public void Open(IReadOnlyList<GameSummary> games, DateTimeOffset now)
    {
        lock (gate)
        {
            versions = games.ToDictionary(g => g.Id, CardVersion.Of);
            openGames = OpenGames(games, now);
            Watermark = LiveStreams.Watermark(games);
            Ended = !LiveUpdates.ShouldPoll(games, now);
        }

        ready.TrySetResult();
    }

    public void Fail(Exception error) => ready.TrySetException(error);

    /// <summary>Whether a game may still change (it is in the live window); false for a game not on the day.</summary>
    public bool IsGameOpen(long gameId)
    {
        lock (gate)
        {
            return openGames.Contains(gameId);
        }
    }

    /// <summary>
    /// Compares the day as read now with the versions seen last and appends one event per changed card (rendered by
    /// <paramref name="renderCard"/>, once), a <see cref="LiveStreams.ResyncEvent"/> when a game moved section or came
    /// or went, one <see cref="LiveStreams.ChangedEvent"/>, and <see cref="LiveStreams.EndEvent"/> once nothing can
    /// change. Returns how many events were appended.
    /// </summary>
    public int Publish(IReadOnlyList<GameSummary> games, DateTimeOffset now, Func<GameSummary, string> renderCard)
    {
        var changed = games.Where(g => !versions.TryGetValue(g.Id, out var seen) || seen != CardVersion.Of(g)).ToList();
        var moved = games.Count != versions.Count
            || games.Any(g => !versions.TryGetValue(g.Id, out var seen) || seen.State != g.State);
        var ended = !LiveUpdates.ShouldPoll(games, now);
        if (changed.Count == 0 && !moved && ended == Ended)
        {
            return 0;
        }

        // Rendering happens outside the lock: subscribers keep reading the log meanwhile.
        var cards = changed.Select(g => (Game: g, Html: renderCard(g), Settled: !LiveWindow.Includes(g, now))).ToList();
        lock (gate)
        {
            foreach (var (game, html, settled) in cards)
            {
                Append(LiveStreams.CardEvent(game.Id), html, [game.Id], settled ? [game.Id] : []);
            }

            if (moved)
            {
                Append(LiveStreams.ResyncEvent, "list", [], []);
            }

            if (cards.Count > 0)
            {
                Append(LiveStreams.ChangedEvent, string.Join(',', cards.Select(c => c.Game.Id.ToString(CultureInfo.InvariantCulture))), [.. cards.Select(c => c.Game.Id)], []);
            }

            if (ended && !Ended)
            {
                Append(LiveStreams.EndEvent, "settled", [], []);
            }

            versions = games.ToDictionary(g => g.Id, CardVersion.Of);
            openGames = OpenGames(games, now);
            Watermark = Math.Max(Watermark, LiveStreams.Watermark(games));
            Ended = ended;
            Wake();
            return cards.Count + (moved ? 1 : 0) + (cards.Count > 0 ? 1 : 0);
        }
    }

    /// <summary>Wakes every subscriber with nothing new, so each writes a heartbeat (one timer for all, <see cref="LiveHubs"/>).</summary>
    public void Pulse()
    {
        lock (gate)
        {
            Wake();
        }
    }

    /// <summary>
    /// Where a new subscriber starts: after <paramref name="lastEventId"/> when it is this hub's and still in the log;
    /// otherwise at the end, with <c>Resync</c> when it may have missed something (an unknown id, or a page older
    /// than the hub's <see cref="Watermark"/>).
    /// </summary>
    /// <param name="gameId">A game's stream compares the page with that game's version only.</param>
    public (long Cursor, bool Resync) Start(string? lastEventId, long? since, long? gameId = null)
    {
        lock (gate)
        {
            if (lastEventId is { Length: > 0 })
            {
                return TryReadId(lastEventId, out var sequence) && sequence <= lastSequence && sequence >= lastSequence - log.Length
                    ? (sequence, false)
                    : (lastSequence, true);
            }

            var shown = gameId is { } id && versions.TryGetValue(id, out var game) ? game.Watermark : Watermark;
            return (lastSequence, since is not { } page || page < shown);
        }
    }

    /// <summary>The messages after <paramref name="cursor"/>, or none and the task that completes at the next change or pulse.</summary>
    public (IReadOnlyList<LiveMessage> Messages, Task Wakeup, bool FellBehind) Read(long cursor)
    {
        lock (gate)
        {
            if (cursor >= lastSequence)
            {
                return ([], signal.Task, false);
            }

            if (cursor < lastSequence - log.Length)
            {
                return ([], Task.CompletedTask, true);
            }

            var messages = new LiveMessage[lastSequence - cursor];
            for (var sequence = cursor + 1; sequence <= lastSequence; sequence++)
            {
                messages[sequence - cursor - 1] = log[sequence % log.Length]!;
            }

            return (messages, Task.CompletedTask, false);
        }
    }

    /// <summary>A resync event positioned at the log's end, for a subscriber that starts or fell behind.</summary>
    public (long Cursor, ReadOnlyMemory<byte> Bytes) ResyncNow()
    {
        lock (gate)
        {
            return (lastSequence, LiveMessage.Encode(Id(lastSequence), LiveStreams.ResyncEvent, "list"));
        }
    }

    /// <summary>The end event for a subscriber of a stream that is over already.</summary>
    public ReadOnlyMemory<byte> EndNow()
    {
        lock (gate)
        {
            return LiveMessage.Encode(Id(lastSequence), LiveStreams.EndEvent, "settled");
        }
    }

    private static HashSet<long> OpenGames(IReadOnlyList<GameSummary> games, DateTimeOffset now) =>
        [.. games.Where(g => LiveWindow.Includes(g, now)).Select(g => g.Id)];

    private void Append(string eventName, string data, IReadOnlyList<long> gameIds, IReadOnlyList<long> endsGames)
    {
        var sequence = ++lastSequence;
        log[sequence % log.Length] = new LiveMessage(sequence, eventName, LiveMessage.Encode(Id(sequence), eventName, data), gameIds, endsGames);
    }

    private void Wake()
    {
        var woken = signal;
        signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        woken.TrySetResult();
    }

    private string Id(long sequence) => string.Concat(epoch, ".", sequence.ToString(CultureInfo.InvariantCulture));

    private bool TryReadId(string id, out long sequence)
    {
        sequence = 0;
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && id.AsSpan(0, dot).SequenceEqual(epoch)
            && long.TryParse(id.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    /// <summary>Everything a card shows that can change without the game's id changing.</summary>
    private sealed record CardVersion(DateTimeOffset UpdatedAt, DateTimeOffset? DetailUpdatedAt, int? Pulse, string State)
    {
        public static CardVersion Of(GameSummary game) => new(game.UpdatedAt, game.DetailUpdatedAt, game.PulseScore, game.State);

        public long Watermark => Math.Max(UpdatedAt.UtcTicks, DetailUpdatedAt?.UtcTicks ?? 0);
    }
}
