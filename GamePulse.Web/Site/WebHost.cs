using GamePulse.Data;
using GamePulse.Data.Hosting;
using GamePulse.Web.Account;

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
        builder.AddAccounts();

        var app = builder.Build();
        app.UseProxyHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAccounts();
        app.MapRazorPages();
        return app;
    }
}
