using GamePulse.Tests.Support;

namespace GamePulse.Tests.Nginx;

/// <summary>
/// nginx in front of the real GamePulse.Web on a test database, with the Web's stdout captured so a test can see
/// which requests reached the app and what the app saw (client address, scheme, nginx's request id).
/// </summary>
public sealed class NginxFrontedSite : IAsyncDisposable
{
    private NginxFrontedSite(StdoutCapture appLog, WebAppServer web, NginxServer nginx)
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

    /// <param name="settings">Extra settings of the Web, e.g. "--PageCache:ServerSafetySeconds=2".</param>
    public static Task<NginxFrontedSite> StartAsync(string connectionString, params string[] settings) => StartWithSiteAsync(connectionString, "plain", settings);

    /// <param name="variant">nginx's site: "plain" or "tls" (see <see cref="NginxServer.StartAsync"/>).</param>
    public static async Task<NginxFrontedSite> StartWithSiteAsync(string connectionString, string variant, params string[] settings)
    {
        var appLog = new StdoutCapture();
        WebAppServer? web = null;
        try
        {
            // nginx reaches the Web from 127.0.0.1: the one proxy the Web believes (nothing is trusted by default).
            web = await WebAppServer.StartAsync(connectionString, ["--Web:KnownProxies=127.0.0.1", .. settings]);
            var nginx = await NginxServer.StartAsync(web.Port, variant);
            return new NginxFrontedSite(appLog, web, nginx);
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
