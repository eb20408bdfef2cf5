using Coravel.Invocable;
using GamePulse.Worker.Ingestion.Scheduling;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamePulse.Worker.Ingestion.Summaries;

/// <summary>
/// The hook of <see cref="SummaryBatch"/> into the Worker's Coravel schedules, every <c>Summaries__TickSeconds</c>, on a
/// thread of its own and never in the scoreboard job's way: like <see cref="ScoreboardJob"/> it does not overlap itself
/// across Workers (the advisory-lock mutex) and the Worker that claims the firing in schedule_slots runs it.
/// </summary>
public sealed class SummaryJob(SummaryBatch batch, ScheduleSlots slots, IOptions<SummaryOptions> options, ILogger<SummaryJob> logger) : IInvocable, ICancellableInvocable
{
    public const string Name = "summaries";

    /// <summary>Set by Coravel; cancelled when the Worker stops.</summary>
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var cancellationToken = CancellationToken;
        try
        {
            if (await slots.TryClaimAsync(Name, TimeSpan.FromSeconds(options.Value.TickSeconds), cancellationToken) is not { } fireId)
            {
                return;
            }

            await batch.RunAsync(fireId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The Worker is stopping; the next firing picks up what is due.
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Summary batch cannot reach the database: {Error}", ex.Message);
        }
    }
}
