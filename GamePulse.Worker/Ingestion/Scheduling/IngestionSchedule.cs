using Coravel;
using GamePulse.Data.Games;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Ingestion.Scheduling;

/// <summary>
/// Puts the ingestion schedules on Coravel's scheduler as the host starts (Coravel begins ticking once the host has
/// started): the scoreboard job every <c>TickSeconds</c>, and the window refresh on <c>WindowRefreshCron</c> in
/// US-Eastern. Each is kept from overlapping itself across Workers by <see cref="PostgresAdvisoryMutex"/> and runs on
/// one Worker per firing through <see cref="ScheduleSlots"/>.
/// </summary>
public sealed class IngestionSchedule(IServiceProvider services, IOptions<IngestionOptions> options, ILogger<IngestionSchedule> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        services.UseScheduler(scheduler =>
        {
            scheduler.Schedule<ScoreboardJob>().EverySeconds(settings.TickSeconds).PreventOverlapping(ScoreboardJob.Name);
            scheduler.Schedule<WindowRefreshJob>().Cron(settings.WindowRefreshCron).Zoned(EasternCalendar.Zone).PreventOverlapping(WindowRefreshJob.Name);
            if (services.GetService<IOptions<Summaries.SummaryOptions>>()?.Value is { Enabled: true } summaries)
            {
                scheduler.Schedule<Summaries.SummaryJob>().EverySeconds(summaries.TickSeconds).PreventOverlapping(Summaries.SummaryJob.Name);
            }
        })
        // Coravel catches what a job throws and would log it only with its progress logging on.
        .OnError(ex => logger.LogError(ex, "A scheduled job failed"));
        logger.LogInformation(
            "Schedules set: {ScoreboardJob} every {TickSeconds} s, {WindowJob} at cron '{WindowRefreshCron}' US-Eastern",
            ScoreboardJob.Name, settings.TickSeconds, WindowRefreshJob.Name, settings.WindowRefreshCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
