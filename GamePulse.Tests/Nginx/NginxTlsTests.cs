using System.Net;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Nginx;

/// <summary>The production TLS site (self-signed certificate) in front of the real Web.</summary>
[TestClass]
public sealed class NginxTlsTests
{
    [TestMethod]
    public async Task Hsts_is_sent_once_by_nginx_for_a_real_host_name()
    {
        await using var stack = await NginxFrontedSite.StartWithSiteAsync(await PostgresServer.CreateDatabaseAsync(), "tls");
        using var client = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            AllowAutoRedirect = false,
        })
        { BaseAddress = stack.Nginx.TlsBaseAddress };
        // A real host name: ASP.NET Core's UseHsts leaves loopback hosts out, which is why tests on localhost never saw two.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "scores.example.test";

        using var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "GET / over TLS");
        var hsts = response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? values.ToList() : [];
        Assert.HasCount(1, hsts, $"one Strict-Transport-Security header: {string.Join(" | ", hsts)}");
        Assert.AreEqual("max-age=63072000", hsts[0], "nginx's two-year lifetime");
    }
}
