namespace GamePulse.Web.Live;

public static class LiveServiceCollectionExtensions
{
    /// <summary>The server-sent event streams: their options, the hubs (fed by the NOTIFY listener of AddPageCaching) and their heartbeat timer.</summary>
    public static IServiceCollection AddLiveStreams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveStreamOptions>().Bind(configuration.GetSection(LiveStreamOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveHubs>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveHubs>());
        return services;
    }
}
