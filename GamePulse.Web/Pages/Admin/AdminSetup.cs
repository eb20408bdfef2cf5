using Microsoft.AspNetCore.Authentication.Cookies;

namespace GamePulse.Web.Pages.Admin;

public static class AdminSetup
{
    /// <summary>The admin area's settings (validated at start-up) and a real 403 for signed-in users who are not admins.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Pages.Admin.AdminDashboardQuery>();
        services.AddOptions<CloudWatchOptions>().Bind(configuration.GetSection(CloudWatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // The cookie handler's default answers "access denied" with a 302 to a page that then says 200; a browser,
        // a monitor and a test should all see 403. The status-code pages then render /error?status=403 in place.
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            });
        return services;
    }
}
