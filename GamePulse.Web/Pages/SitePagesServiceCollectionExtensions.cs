namespace GamePulse.Web.Pages;

public static class SitePagesServiceCollectionExtensions
{
    /// <summary>The read-side queries of the public pages (one per slice; stateless over the one data source).</summary>
    public static IServiceCollection AddSitePages(this IServiceCollection services)
    {
        services.AddSingleton<Scores.ScoreboardQuery>();
        services.AddSingleton<Seo.SitemapQuery>();
        services.AddSingleton<Games.GameQuery>();
        services.AddSingleton<Games.GamePageCache>();
        services.AddSingleton<Teams.TeamQuery>();
        services.AddSingleton<Conferences.ConferenceQuery>();
        return services;
    }
}
