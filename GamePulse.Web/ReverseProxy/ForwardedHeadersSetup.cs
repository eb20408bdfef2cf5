using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.ReverseProxy;

/// <summary>
/// The Web runs behind nginx: the client address (rate limits, request logs) and the scheme (secure cookies, redirects)
/// come from X-Forwarded-For / X-Forwarded-Proto, but only when the direct peer is a configured proxy.
/// </summary>
public static class ForwardedHeadersSetup
{
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
        });
        return services;
    }
}
