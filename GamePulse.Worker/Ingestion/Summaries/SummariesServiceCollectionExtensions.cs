namespace GamePulse.Worker.Ingestion.Summaries;

public static class SummariesServiceCollectionExtensions
{
    /// <summary>The summary parser's store path (used by <c>ingest --file</c> and the summary batch).</summary>
    public static IServiceCollection AddGamePulseSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SummaryIngester>();
        return services;
    }
}
