using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace GamePulse.Bench.Latency;

/// <summary>
/// A real headless Chromium on each scoreboard page. A MutationObserver in the page writes down, with Date.now(), every
/// time a card's numbers differ from what it showed before, however the page got them (polled fragment or pushed
/// event); the bench collects those notes every second. Same machine, same clock as the simulator's t0.
/// </summary>
public sealed class ScreenWatch : IAsyncDisposable
{
    private const string Observer = """
        () => {
          window.__seen = [];
          const last = new Map();
          const scan = () => {
            const now = Date.now();
            for (const card of document.querySelectorAll('[data-testid=game-card]')) {
              const home = card.querySelector('[data-testid=game-card-home-score]');
              const away = card.querySelector('[data-testid=game-card-away-score]');
              if (!home || !away || home.textContent === '' || away.textContent === '') continue;
              const key = home.textContent + '-' + away.textContent;
              if (last.get(card.dataset.gameId) !== key) {
                last.set(card.dataset.gameId, key);
                window.__seen.push({ id: card.dataset.gameId, home: +home.textContent, away: +away.textContent, t: now });
              }
            }
          };
          new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
          scan();
        }
        """;

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly List<IPage> pages = [];

    private ScreenWatch(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    /// <summary>By our game id (the cards' data-game-id).</summary>
    public ConcurrentDictionary<string, List<Observation>> Seen { get; } = new(StringComparer.Ordinal);

    public static async Task<ScreenWatch> OpenAsync(IEnumerable<string> urls)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var watch = new ScreenWatch(playwright, browser);
        foreach (var url in urls)
        {
            // One context per page: each its own visitor, as two fans would be.
            var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(url);
            await page.EvaluateAsync(Observer);
            watch.pages.Add(page);
        }

        return watch;
    }

    public async Task CollectAsync()
    {
        foreach (var page in pages)
        {
            var notes = await page.EvaluateAsync<JsonElement>("() => window.__seen.splice(0)");
            foreach (var note in notes.EnumerateArray())
            {
                var list = Seen.GetOrAdd(note.GetProperty("id").GetString()!, _ => []);
                list.Add(new Observation(note.GetProperty("home").GetInt32(), note.GetProperty("away").GetInt32(), DateTimeOffset.FromUnixTimeMilliseconds((long)note.GetProperty("t").GetDouble())));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
