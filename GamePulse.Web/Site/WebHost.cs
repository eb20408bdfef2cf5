using GamePulse.Data;
using GamePulse.Hosting;
using GamePulse.Web.Caching;
using GamePulse.Web.Health;
using GamePulse.Web.Live;
using GamePulse.Web.Logos;
using GamePulse.Web.Observability;
using GamePulse.Web.Outage;
using GamePulse.Web.Pages;
using GamePulse.Web.Pages.Account;
using GamePulse.Web.Pages.Admin;
using GamePulse.Web.Pages.Seo;
using GamePulse.Web.ReverseProxy;
using GamePulse.Web.ShareCards;
using GamePulse.Web.Viewing;

namespace GamePulse.Web.Site;

/// <summary>Builds the Web application: settings, logs (GamePulse.Hosting), the data layer and Razor Pages.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(Options(args));
        // The build output (bin/) has no wwwroot: the SDK's static web assets manifest beside the binary names where the
        // files are. ASP.NET Core reads it in Development only; a publish folder has wwwroot and no manifest.
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }
        builder.Logging.AddGamePulseLogging(builder.Configuration, builder.Environment, "web");
        builder.Logging.AddGamePulseRequestLogging();
        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddGamePulseData(StartupGuard.RequireConnectionString(builder.Configuration));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRazorPages();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.Infrastructure.IHttpResponseStreamWriterFactory, PageResponseWriterFactory>();
        builder.Services.AddGamePulseReverseProxy(builder.Configuration);
        builder.Services.AddGamePulseHealth();
        builder.Services.AddPageCaching(builder.Configuration);
        builder.Services.AddLiveStreams(builder.Configuration);
        builder.Services.AddDatabaseOutageHandling();
        builder.Services.AddSitePages();
        builder.Services.AddShareCards(builder.Configuration);
        builder.AddAccounts();
        builder.Services.AddAdmin(builder.Configuration);

        var app = builder.Build();
        // First: the client address and scheme from the trusted proxy, then one log line per request around the rest.
        app.UseTrustedForwardedHeaders();
        app.UseGamePulseRequestLogging();
        app.UseSecurityHeaders();
        app.UseSiteErrors();
        app.UseCanonicalRequests();
        app.UseStaticFiles(CachingServiceCollectionExtensions.FingerprintedStaticFiles());
        app.UseRouting();
        app.UseAllowedMethods();
        app.MapGamePulseHealth();
        app.MapLiveStreams();
        // Authentication before the output cache, so a signed-in visitor's page is never served to, or from, the cache.
        app.UseAccounts();
        // The viewer's variant (zone, spoiler-free) after who is asking is known, before the output cache varies by it.
        app.UseViewVariants();
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapSeo();
        app.MapShareCards();
        app.MapLogos();
        return app;
    }

    /// <summary>
    /// The content root is the binary's folder (appsettings.json is copied there), whatever the working directory,
    /// unless the command line or ASPNETCORE_CONTENTROOT names one (`dotnet run`, the tests).
    /// </summary>
    private static WebApplicationOptions Options(string[] args)
    {
        var named = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = named ? null : AppContext.BaseDirectory,
        };
    }
}
