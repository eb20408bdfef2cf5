using GamePulse.Worker.Ingestion.Scheduling;
using Quartz;

namespace GamePulse.Worker.Ingestion.Summaries;

/// <summary>
/// The hook of <see cref="SummaryBatch"/> into the Quartz scheduler: its own durable job and trigger, so the clustered
/// scheduler runs one batch per firing on one Worker, on a thread of its own, never in the scoreboard job's way. The
/// whole work is <see cref="SummaryBatch.RunAsync"/>; another scheduler needs only to call that.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SummaryJob(SummaryBatch batch) : IJob
{
    public const string Name = "summaries";
    public static readonly JobKey Key = new(Name, "ingestion");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await batch.RunAsync(ScoreboardJob.FireId(context), cancellationToken);
}
