using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace GamePulse.Web.Site;

/// <summary>
/// Honours X-Forwarded-For/-Proto from nginx, so the app sees the client's IP (per-IP sign-in rate limit) and the
/// original scheme (Secure cookies and antiforgery refuse plain HTTP outside Development). Only proxies on loopback
/// or private networks (the docker network nginx runs on) are trusted, and only one hop: nginx itself resolves
/// a load balancer's X-Forwarded-For (NGINX_REAL_IP_FROM).
/// </summary>
public static class ProxyHeaders
{
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        foreach (var network in new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7" })
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        options.KnownProxies.Add(IPAddress.Loopback);
        options.KnownProxies.Add(IPAddress.IPv6Loopback);
        app.UseForwardedHeaders(options);
        return app;
    }
}
