using System.Globalization;
using System.Text.Encodings.Web;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Live;
using GamePulse.Web.Caching;
using GamePulse.Web.Pages.Scores;
using GamePulse.Web.Pages.Shared;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Live;

/// <summary>
/// The open <see cref="LiveHub"/>s of this process, one per stream key with at least one subscriber, and the bound on
/// subscribers. Fed by the NOTIFY listener (<see cref="GamesNotificationListener.Evicted"/>, raised after the day's
/// shared data was dropped): each hub of the named league-day reads the day once (through <see cref="LeagueDayCache"/>,
/// the very read the pages share) and publishes what changed; notifications that arrive while a hub publishes are
/// coalesced into one more read. One timer pulses every hub for the heartbeats.
/// </summary>
public sealed class LiveHubs : BackgroundService
{
    private readonly Dictionary<LiveStreamKey, Entry> hubs = [];
    private readonly ScoreboardQuery query;
    private readonly LeagueDayCache days;
    private readonly HtmlEncoder encoder;
    private readonly TimeProvider clock;
    private readonly LiveStreamOptions options;
    private readonly ILogger<LiveHubs> logger;
    private int subscribers;

    public LiveHubs(GamesNotificationListener listener, ScoreboardQuery query, LeagueDayCache days, HtmlEncoder encoder, TimeProvider clock, IOptions<LiveStreamOptions> options, ILogger<LiveHubs> logger)
    {
        this.query = query;
        this.days = days;
        this.encoder = encoder;
        this.clock = clock;
        this.options = options.Value;
        this.logger = logger;
        listener.Evicted += OnEvicted;
    }

    /// <summary>Open streams in this process (the bench and the admin read it).</summary>
    public int Subscribers => Volatile.Read(ref subscribers);

    /// <summary>Raised after a hub published a change (count of events): lets tests wait instead of sleeping.</summary>
    public event Action<LiveStreamKey, int>? Published;

    /// <summary>Joins the hub of <paramref name="key"/> (opening it, with its first read, if nobody watches it yet); null when the process is full.</summary>
    public LiveHub? TryJoin(LiveStreamKey key, League league)
    {
        if (Interlocked.Increment(ref subscribers) > options.MaxSubscribers)
        {
            Interlocked.Decrement(ref subscribers);
            return null;
        }

        Entry entry;
        bool opened;
        lock (hubs)
        {
            opened = !hubs.TryGetValue(key, out entry!);
            if (opened)
            {
                entry = new Entry(new LiveHub(key, options.ReplayMessages), league);
                hubs.Add(key, entry);
            }

            entry.Count++;
        }

        if (opened)
        {
            _ = OpenAsync(entry);
        }

        return entry.Hub;
    }

    public void Leave(LiveHub hub)
    {
        Interlocked.Decrement(ref subscribers);
        lock (hubs)
        {
            if (hubs.TryGetValue(hub.Key, out var entry) && ReferenceEquals(entry.Hub, hub) && --entry.Count == 0)
            {
                hubs.Remove(hub.Key);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.HeartbeatSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var entry in Snapshot())
                {
                    entry.Hub.Pulse();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Entry[] Snapshot()
    {
        lock (hubs)
        {
            return [.. hubs.Values];
        }
    }

    private async Task OpenAsync(Entry entry)
    {
        try
        {
            var day = await ReadAsync(entry);
            entry.Hub.Open(day.Games, clock.GetUtcNow());
        }
        catch (Exception ex)
        {
            // The subscribers waiting on Ready answer 503; the next connection opens a new hub.
            logger.LogWarning("Could not open the live stream of {League} {Date}: {Error}", entry.Hub.Key.League, entry.Hub.Key.Date, ex.GetBaseException().Message);
            lock (hubs)
            {
                if (hubs.TryGetValue(entry.Hub.Key, out var current) && ReferenceEquals(current, entry))
                {
                    hubs.Remove(entry.Hub.Key);
                }
            }

            entry.Hub.Fail(ex);
        }
    }

    private void OnEvicted(string tag)
    {
        var all = tag == PageCaching.SiteTag;
        if (!all && !GameChanges.TryParse(tag, out _, out _))
        {
            return;
        }

        foreach (var entry in Snapshot())
        {
            if (all || GameChanges.Tag(entry.Hub.Key.League, entry.Hub.Key.Date) == tag)
            {
                _ = RefreshAsync(entry);
            }
        }
    }

    private async Task RefreshAsync(Entry entry)
    {
        lock (entry)
        {
            if (entry.Refreshing)
            {
                entry.Again = true; // the running read will go once more, and see this change too
                return;
            }

            entry.Refreshing = true;
        }

        try
        {
            await entry.Hub.Ready;
            do
            {
                lock (entry)
                {
                    entry.Again = false;
                }

                var day = await ReadAsync(entry);
                var events = entry.Hub.Publish(day.Games, clock.GetUtcNow(), game => RenderCard(game, day.Cards));
                if (events > 0)
                {
                    Published?.Invoke(entry.Hub.Key, events);
                }
            }
            while (TakeAgain(entry));
        }
        catch (Exception ex)
        {
            // The next NOTIFY (or the listener's reconnect sweep) tries again; pages keep what they show.
            logger.LogWarning("Could not publish the live change of {League} {Date}: {Error}", entry.Hub.Key.League, entry.Hub.Key.Date, ex.GetBaseException().Message);
            lock (entry)
            {
                entry.Refreshing = false;
            }
        }
    }

    private static bool TakeAgain(Entry entry)
    {
        lock (entry)
        {
            entry.Refreshing = entry.Again;
            return entry.Again;
        }
    }

    private Task<ScoreboardDay> ReadAsync(Entry entry) =>
        days.GetAsync(entry.League.Slug, entry.Hub.Key.Date, token => query.ReadAsync(entry.League, entry.Hub.Key.Date, token), CancellationToken.None);

    /// <summary>The default view's card, exactly as an anonymous page writes it (no per-visitor actions).</summary>
    private string RenderCard(GameSummary game, GameCardMemo cards)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new GameCardHtml(game, Actions: null, cards).WriteTo(writer, encoder);
        return writer.ToString();
    }

    private sealed class Entry(LiveHub hub, League league)
    {
        public LiveHub Hub { get; } = hub;

        public League League { get; } = league;

        public int Count { get; set; }

        public bool Refreshing { get; set; }

        public bool Again { get; set; }
    }
}
