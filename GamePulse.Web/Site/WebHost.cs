using GamePulse.Data;
using GamePulse.Data.Hosting;
using GamePulse.Web.Caching;
using GamePulse.Web.Pages;
using GamePulse.Web.Pages.Seo;

namespace GamePulse.Web.Site;

/// <summary>Builds the Web application: settings, JSON logs, the data layer and Razor Pages.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddGamePulseJsonLogging(builder.Configuration, "web");
        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddGamePulseData(StartupGuard.RequireConnectionString(builder.Configuration));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRazorPages();
        builder.Services.AddPageCaching(builder.Configuration);
        builder.Services.AddSitePages();

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseStaticFiles(CachingServiceCollectionExtensions.FingerprintedStaticFiles());
        app.UseRouting();
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapSeo();
        return app;
    }
}
