using GamePulse.Web.Viewing;
using Htmx;
using Microsoft.AspNetCore.StaticFiles;

namespace GamePulse.Web.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>Output caching of anonymous pages (tagged, evicted by NOTIFY) and the listener that evicts them.</summary>
    public static IServiceCollection AddPageCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PageCacheOptions>().Bind(configuration.GetSection(PageCacheOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PageCaching>();
        services.AddSingleton<LeagueDayCache>();
        var enabled = configuration.GetValue($"{PageCacheOptions.Section}:{nameof(PageCacheOptions.Enabled)}", defaultValue: true);
        services.AddOutputCache(options =>
        {
            // The default policy already skips authenticated requests and responses that set cookies.
            options.AddPolicy(PageCaching.PolicyName, policy =>
            {
                policy.SetVaryByHeader(HtmxRequestHeaders.Keys.Request).Tag(PageCaching.SiteTag);
                // Each viewer variant (zone, spoiler-free) is its own entry: a PT or spoiler-free page never answers
                // a default request, and the default (no cookie, no query) stays one shared entry (decision 0452).
                policy.VaryByValue(context => new KeyValuePair<string, string>("view", context.ViewVariant().Key));
                if (!enabled)
                {
                    policy.NoCache();
                }
            });
        });
        services.AddSingleton<GamesNotificationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<GamesNotificationListener>());
        return services;
    }

    /// <summary>Fingerprinted static files (?v= from asp-append-version) never change, so they are cached for a year.</summary>
    public static StaticFileOptions FingerprintedStaticFiles() => new()
    {
        OnPrepareResponse = context =>
        {
            context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, max-age=3600";
        },
    };
}
