using Coravel;
using Coravel.Scheduling.Schedule.Interfaces;
using GamePulse.Worker.Ingestion.Espn;
using GamePulse.Worker.Ingestion.Ncaa;
using GamePulse.Worker.Ingestion.Scheduling;
using GamePulse.Worker.Ingestion.Summaries;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>Score sources, the ingest pipeline and (when enabled) the Coravel schedules, safe to run on several Workers.</summary>
    public static IServiceCollection AddGamePulseIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FailureStreaks>();
        services.AddSingleton<EspnScoreSource>();
        services.AddSingleton<NcaaScoreSource>();
        services.AddSingleton<IScoreSource>(sp => sp.GetRequiredService<IOptions<IngestionOptions>>().Value.Source == Data.Teams.ScoreSources.Ncaa
            ? sp.GetRequiredService<NcaaScoreSource>()
            : sp.GetRequiredService<EspnScoreSource>());
        services.AddSingleton<ScoreboardIngester>();
        services.AddGamePulseSummaries(configuration);

        var options = configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>() ?? new IngestionOptions();
        if (!options.ScheduleEnabled)
        {
            return services;
        }

        services.AddScheduler();
        // After AddScheduler, so it replaces Coravel's in-memory mutex: a job does not overlap itself across Workers.
        services.AddSingleton<IMutex, PostgresAdvisoryMutex>();
        services.AddSingleton<ScheduleSlots>();
        services.AddTransient<ScoreboardJob>();
        services.AddTransient<WindowRefreshJob>();
        services.AddHostedService<IngestionSchedule>();
        return services;
    }
}
