using System.Net;
using System.Net.Sockets;

namespace GamePulse.Bench.Backfill;

/// <summary>
/// ESPN's scoreboard endpoint on 127.0.0.1 (HttpListener), answering <c>…/scoreboard?dates=YYYYMMDD</c> with the saved
/// file <c>YYYYMMDD.json</c> of a folder, and 404 for a date without one.
/// </summary>
public sealed class LoopbackFeed : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string folder;
    private readonly Task serving;

    public LoopbackFeed(string folder)
    {
        this.folder = folder;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add($"{BaseUrl}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public int Requests { get; private set; }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Requests++;
            var path = Path.Combine(folder, $"{context.Request.QueryString["dates"]}.json");
            if (File.Exists(path))
            {
                var body = await File.ReadAllBytesAsync(path);
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        serving.Wait(TimeSpan.FromSeconds(5));
    }
}
