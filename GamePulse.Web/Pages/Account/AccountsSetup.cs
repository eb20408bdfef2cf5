using GamePulse.Data.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Account;

public static class AccountsSetup
{
    /// <summary>Cookie sign-in, data-protection keys in PostgreSQL, the admin list and the sign-in flow's services.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminOptions>().Bind(builder.Configuration.GetSection(AdminOptions.Section)).ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<SessionCookie>();
        services.AddHttpContextAccessor();
        services.AddScoped<GamePulse.Web.Pages.Account.VisitorFollows>();

        services.AddDataProtection().SetApplicationName("GamePulse");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new PostgresXmlRepository(provider.GetRequiredService<DataProtectionKeyRepository>())));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = SessionCookie.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is HTTPS, directly or through the trusted proxy; a deployment that requires
                // HTTPS (Site__RequireHttps) never serves a page over plain HTTP at all (docs/decisions/0205).
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = SessionCookie.Lifetime;
                options.SlidingExpiration = true;
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account";
                options.ReturnUrlParameter = "returnUrl";
                options.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<SessionCookie>().ValidateAsync(context);
                // A 403 in place (the error page renders it), not a redirect to an /error URL anyone could request.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "gp_csrf";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Antiforgery would send SAMEORIGIN on pages with forms; the site's DENY (SecurityHeaders) applies to all.
            options.SuppressXFrameOptionsHeader = true;
        });
        return builder;
    }

    /// <summary>
    /// Reads the session cookie on every request and enforces [Authorize]. A visitor whose session could not be
    /// checked because the database is away gets the outage page (503), neither someone else's anonymous page nor an
    /// empty 500; their cookie is kept.
    /// </summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use((context, next) =>
        {
            if (context.Features.Get<SessionCookie.Unchecked>() is null || GamePulse.Web.Site.AllowedMethods.IsReExecuted(context))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            GamePulse.Web.Outage.DatabaseOutage.MarkUnavailable(context.Response);
            return Task.CompletedTask;
        });
        app.UseAuthorization();
        return app;
    }
}
