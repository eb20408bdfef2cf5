using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GamePulse.Tests.Worker.Ingestion;

/// <summary>
/// A real HTTP upstream on 127.0.0.1:0 (Kestrel) standing in for ESPN or ncaa-api: each request is answered by the
/// test's handler, given the request's sequence number (1-based), and recorded with its arrival time.
/// </summary>
public sealed class FakeFeedServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeFeedServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<(DateTimeOffset At, string PathAndQuery, string? NcaaKey)> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeFeedServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeFeedServer(app);
        var count = 0;
        app.Run(context =>
        {
            server.Requests.Enqueue((DateTimeOffset.UtcNow, context.Request.Path + context.Request.QueryString, context.Request.Headers["x-ncaa-key"].FirstOrDefault()));
            return handler(context, Interlocked.Increment(ref count));
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>Serves one file for every request.</summary>
    public static Task<FakeFeedServer> ServingAsync(string path) =>
        StartAsync((context, _) => ServeFileAsync(context, path));

    public static async Task ServeFileAsync(HttpContext context, string path)
    {
        context.Response.ContentType = "application/json";
        await context.Response.SendFileAsync(path);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
