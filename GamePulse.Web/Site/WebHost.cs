using GamePulse.Data;
using GamePulse.Data.Hosting;
using GamePulse.Web.Account;
using GamePulse.Web.Admin;
using GamePulse.Web.Caching;
using GamePulse.Web.Health;
using GamePulse.Web.Observability;
using GamePulse.Web.Pages;
using GamePulse.Web.Pages.Seo;
using GamePulse.Web.ReverseProxy;

namespace GamePulse.Web.Site;

/// <summary>Builds the Web application: settings, JSON logs, the data layer and Razor Pages.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddGamePulseJsonLogging(builder.Configuration, "web");
        builder.Logging.AddGamePulseRequestLogging();
        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddGamePulseData(StartupGuard.RequireConnectionString(builder.Configuration));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRazorPages();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.Infrastructure.IHttpResponseStreamWriterFactory, PageResponseWriterFactory>();
        builder.Services.AddGamePulseReverseProxy(builder.Configuration);
        builder.Services.AddGamePulseHealth();
        builder.Services.AddPageCaching(builder.Configuration);
        builder.Services.AddSitePages();
        builder.AddAccounts();
        builder.Services.AddAdmin(builder.Configuration);

        var app = builder.Build();
        // First: the client address and scheme from nginx, then one log line per request around everything else.
        app.UseForwardedHeaders();
        app.UseGamePulseRequestLogging();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseStaticFiles(CachingServiceCollectionExtensions.FingerprintedStaticFiles());
        app.UseRouting();
        app.MapGamePulseHealth();
        // Authentication before the output cache, so a signed-in visitor's page is never served to, or from, the cache.
        app.UseAccounts();
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapSeo();
        return app;
    }
}
