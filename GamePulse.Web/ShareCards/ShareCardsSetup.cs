namespace GamePulse.Web.ShareCards;

public static class ShareCardsSetup
{
    /// <summary>The share images' options (fonts checked at start-up), fonts, renderer and cache.</summary>
    public static IServiceCollection AddShareCards(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShareCardOptions>().Bind(configuration.GetSection(ShareCardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CardFonts>();
        services.AddSingleton<CardRenderer>();
        services.AddSingleton<ShareCardCache>();
        return services;
    }
}
