using GamePulse.Data.Games;
using GamePulse.Data.Hosting;
using GamePulse.Worker.Ingestion.Espn;
using GamePulse.Worker.Ingestion.Ncaa;
using GamePulse.Worker.Ingestion.Scheduling;
using GamePulse.Worker.Ingestion.Summaries;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace GamePulse.Worker.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>Score sources, the ingest pipeline and (when enabled) the clustered Quartz schedules.</summary>
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

        var connectionString = StartupGuard.RequireConnectionString(configuration);
        services.AddQuartz(quartz =>
        {
            // Every Worker instance uses the same scheduler name and its own generated instance id: that makes a cluster.
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "gamepulse";
                scheduler.GenerateInstanceId = true;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                // Quartz 4.7 creates its own qrtz_ tables when they are missing and validates them on every start;
                // its schema changes between minor versions, so Quartz, not our migrations, owns it (docs/decisions/0101).
                store.ProvisionSchema();
                store.ConfigureStore(ado =>
                {
                    ado.TablePrefix = "qrtz_";
                    ado.StoreJobDataAsStrings = true;
                });
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = TimeSpan.FromSeconds(5);
                    cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                });
                store.UseSystemTextJsonSerializer();
            });

            quartz.AddJob<ScoreboardJob>(job => job.WithIdentity(ScoreboardJob.Key).StoreDurably().DisallowConcurrentExecution());
            quartz.AddTrigger(trigger => trigger
                .ForJob(ScoreboardJob.Key)
                .WithIdentity("scoreboard-tick", "ingestion")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.TickSeconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            quartz.AddJob<WindowRefreshJob>(job => job.WithIdentity(WindowRefreshJob.Key).StoreDurably().DisallowConcurrentExecution());
            quartz.AddTrigger(trigger => trigger
                .ForJob(WindowRefreshJob.Key)
                .WithIdentity("window-daily", "ingestion")
                .WithCronSchedule(options.WindowRefreshCron, cron => cron.InTimeZone(EasternCalendar.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddHostedService<SchedulerHost>();
        return services;
    }
}
