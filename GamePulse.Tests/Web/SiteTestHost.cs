using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GamePulse.Tests.Web;

/// <summary>One test class's site: its own database with the seeded game day, and the app over it.</summary>
public sealed class SiteTestHost : IAsyncDisposable
{
    private SiteTestHost(TestDatabase database, ScoreboardDay day, SiteFactory factory)
    {
        Database = database;
        Day = day;
        Factory = factory;
    }

    public TestDatabase Database { get; }

    public ScoreboardDay Day { get; }

    public SiteFactory Factory { get; }

    public static async Task<SiteTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        var day = await ScoreboardDay.SeedAsync(database);
        var factory = new SiteFactory(database.ConnectionString, new TestClock(ScoreboardDay.Now), settings);
        return new SiteTestHost(database, day, factory);
    }

    /// <summary>Where Kestrel listens once <see cref="StartOnLoopback"/> ran; until then clients use the in-memory server.</summary>
    public Uri? LoopbackAddress { get; private set; }

    /// <summary>Serves the site on real Kestrel at 127.0.0.1; <see cref="Client"/> and the page helpers then go over the socket.</summary>
    public Uri StartOnLoopback() => LoopbackAddress = Factory.StartOnLoopback();

    /// <summary>A client that does not follow redirects, so 301/302 answers can be checked.</summary>
    /// <remarks>Over loopback it is a plain socket client (the factory's own would follow redirects there).</remarks>
    public HttpClient Client() => LoopbackAddress is { } address
        ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = address }
        : Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(expected, response.StatusCode, $"GET {path}: {body[..Math.Min(body.Length, 400)]}");
        return (response, new HtmlParser().ParseDocument(body));
    }

    /// <summary>Sends the Worker's NOTIFY and waits until this site's listener has evicted what it names.</summary>
    public async Task NotifyAndWaitAsync(string payload)
    {
        var evicted = new TaskCompletionSource();
        void OnEvicted(string tag)
        {
            if (tag == payload)
            {
                evicted.TrySetResult();
            }
        }

        Factory.Listener.Evicted += OnEvicted;
        try
        {
            await Database.ExecuteAsync($"NOTIFY gamepulse_games, '{payload}'");
            await evicted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Factory.Listener.Evicted -= OnEvicted;
        }
    }

    public static JsonElement JsonLd(IHtmlDocument document)
    {
        var script = document.QuerySelector("script[type='application/ld+json']") ?? throw new AssertFailedException("no JSON-LD on the page");
        return JsonDocument.Parse(script.TextContent).RootElement;
    }

    public static string? Meta(IHtmlDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content");

    public static string? Canonical(IHtmlDocument document) => document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
