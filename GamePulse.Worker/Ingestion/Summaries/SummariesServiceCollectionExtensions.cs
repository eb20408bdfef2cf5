using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GamePulse.Worker.Ingestion.Summaries;

public static class SummariesServiceCollectionExtensions
{
    /// <summary>
    /// The summary store path (<c>ingest --file</c>, the batch), the summary source and batch, and, when both
    /// Ingestion__ScheduleEnabled and Summaries__Enabled are on, the batch's own Coravel invocable
    /// (<see cref="SummaryJob"/>, every Summaries__TickSeconds).
    /// </summary>
    public static IServiceCollection AddGamePulseSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SummaryIngester>();
        services.AddSingleton<EspnSummarySource>();
        services.AddSingleton<SummaryBatch>();

        // Scheduled by IngestionSchedule when Ingestion__ScheduleEnabled and Summaries__Enabled are on (decision 0109).
        services.AddTransient<SummaryJob>();

        return services;
    }
}
