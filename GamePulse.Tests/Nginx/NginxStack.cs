using GamePulse.Tests.Support;

namespace GamePulse.Tests.Nginx;

/// <summary>
/// nginx in front of the real GamePulse.Web on a test database, with the Web's stdout captured so a test can see
/// which requests reached the app and what the app saw (client address, scheme, nginx's request id).
/// </summary>
public sealed class NginxStack : IAsyncDisposable
{
    private NginxStack(StdoutCapture appLog, WebAppServer web, NginxServer nginx)
    {
        AppLog = appLog;
        Web = web;
        Nginx = nginx;
        Client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        })
        { BaseAddress = nginx.BaseAddress };
    }

    public StdoutCapture AppLog { get; }

    public WebAppServer Web { get; }

    public NginxServer Nginx { get; }

    /// <summary>Talks to nginx: no cookie jar, no redirects followed, no transparent decompression.</summary>
    public HttpClient Client { get; }

    public static async Task<NginxStack> StartAsync(string connectionString)
    {
        var appLog = new StdoutCapture();
        WebAppServer? web = null;
        try
        {
            web = await WebAppServer.StartAsync(connectionString);
            var nginx = await NginxServer.StartAsync(web.Port);
            return new NginxStack(appLog, web, nginx);
        }
        catch
        {
            if (web is not null)
            {
                await web.DisposeAsync();
            }

            appLog.Dispose();
            throw;
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent([new("Email", "fan@example.com"), new("Password", "wrong")]);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Nginx.DisposeAsync();
        await Web.DisposeAsync();
        AppLog.Dispose();
    }
}
