using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace GamePulse.Worker.Ingestion.Summaries;

public static class SummariesServiceCollectionExtensions
{
    /// <summary>
    /// The summary store path (<c>ingest --file</c>, the batch), the summary source and batch, and, when both
    /// Ingestion__ScheduleEnabled and Summaries__Enabled are on, the batch's own Quartz job and trigger
    /// (<see cref="SummaryJob"/>, every Summaries__TickSeconds).
    /// </summary>
    public static IServiceCollection AddGamePulseSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SummaryIngester>();
        services.AddSingleton<EspnSummarySource>();
        services.AddSingleton<SummaryBatch>();

        var ingestion = configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>() ?? new IngestionOptions();
        var summaries = configuration.GetSection(SummaryOptions.Section).Get<SummaryOptions>() ?? new SummaryOptions();
        if (ingestion.ScheduleEnabled && summaries.Enabled)
        {
            // The scheduler itself is set up by AddGamePulseIngestion; this adds one job to it (decision 0109).
            services.ConfigureAllQuartzSchedulers(quartz =>
            {
                quartz.AddJob<SummaryJob>(job => job.WithIdentity(SummaryJob.Key).StoreDurably().DisallowConcurrentExecution());
                quartz.AddTrigger(trigger => trigger
                    .ForJob(SummaryJob.Key)
                    .WithIdentity("summaries-tick", "ingestion")
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(summaries.TickSeconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            });
        }

        return services;
    }
}
