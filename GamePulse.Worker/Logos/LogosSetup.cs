using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GamePulse.Worker.Logos;

public static class LogosSetup
{
    /// <summary>Logo fetching (decision 0441): options checked at start-up, the client, one pass, and the service that runs passes in <c>run</c>.</summary>
    public static IServiceCollection AddLogos(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LogoOptions>().Bind(configuration.GetSection(LogoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LogoClient>();
        services.AddSingleton<LogoRefresher>();
        services.AddHostedService<LogoRefreshService>();
        return services;
    }
}
