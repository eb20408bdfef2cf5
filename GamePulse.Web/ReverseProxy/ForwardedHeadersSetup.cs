using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.ReverseProxy;

/// <summary>
/// The Web runs behind nginx: the client address (rate limits, request logs) and the scheme (secure cookies, redirects)
/// come from X-Forwarded-For / X-Forwarded-Proto, but only when the direct peer is a configured proxy. No peer is
/// trusted unless configured (docker-compose names nginx's address), and a scheme other than exactly "http" or "https"
/// is dropped before the forwarded headers are read (docs/decisions/0205).
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string ProtoHeader = "X-Forwarded-Proto";

    /// <summary>Drops an X-Forwarded-Proto that is not one plain scheme, then applies the trusted proxy's headers.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            KeepOnlyAPlainScheme(context.Request.Headers);
            return next(context);
        });
        return app.UseForwardedHeaders();
    }

    // nginx sets exactly "http" or "https"; anything else ("garbage", "ftp", "https, http", "") was written by a client
    // and would otherwise become Request.Scheme.
    private static void KeepOnlyAPlainScheme(IHeaderDictionary headers)
    {
        if (!headers.TryGetValue(ProtoHeader, out var values))
        {
            return;
        }

        var value = values.Count == 1 ? values[0]?.Trim() : null;
        if (string.Equals(value, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
        {
            headers[ProtoHeader] = Uri.UriSchemeHttps;
        }
        else if (string.Equals(value, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase))
        {
            headers[ProtoHeader] = Uri.UriSchemeHttp;
        }
        else
        {
            headers.Remove(ProtoHeader);
        }
    }

    public static IServiceCollection AddGamePulseReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReverseProxyOptions>().Bind(configuration.GetSection(ReverseProxyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One hop: nginx appends the address it saw, so the right-most X-Forwarded-For entry is the one to believe;
            // anything a client wrote further left is ignored.
            forwarded.ForwardLimit = 1;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.ParseProxies())
            {
                forwarded.KnownProxies.Add(address);
            }

            foreach (var network in proxy.Value.ParseNetworks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            // With both lists empty the middleware would believe every peer: with no proxy named, it reads nothing.
            if (forwarded.KnownProxies.Count == 0 && forwarded.KnownIPNetworks.Count == 0)
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.None;
            }
        });
        return services;
    }
}
