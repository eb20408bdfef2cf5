using GamePulse.Data.Leagues;
using Spectre.Console;

namespace GamePulse.Worker.Ingestion.Backfill;

/// <summary>
/// How a backfill shows its progress: on a terminal a live Spectre.Console bar with the current date, percentage and
/// time left, each failed date printed above it so no error is drawn over; one plain line per date when output goes to
/// a file or a pipe (docker logs, CI), where a redrawn bar would be noise. Both end with the same summary line.
/// </summary>
public sealed class BackfillProgress
{
    private readonly TextWriter? lines;
    private readonly IAnsiConsole? terminal;

    private BackfillProgress(TextWriter? lines, IAnsiConsole? terminal) => (this.lines, this.terminal) = (lines, terminal);

    public static BackfillProgress Lines(TextWriter output) => new(output, null);

    public static BackfillProgress Bar(IAnsiConsole terminal) => new(null, terminal);

    /// <summary>Runs the backfill, showing each step it reports, then writes the summary.</summary>
    public async Task<BackfillSummary> TrackAsync(League league, Func<Action<BackfillStep>, Task<BackfillSummary>> backfill)
    {
        BackfillSummary summary;
        if (terminal is null)
        {
            summary = await backfill(step => lines!.WriteLine($"backfill {step.Done}/{step.Total} {step.Date:yyyy-MM-dd} {Outcome(step)}{Detail(step)}"));
        }
        else
        {
            summary = await terminal.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(context => ShowOnBarAsync(context.AddTask($"backfill {league.Slug}", maxValue: 1), backfill));
        }

        WriteLine(Summary(summary));
        return summary;
    }

    public static string Summary(BackfillSummary summary) =>
        $"backfill {(summary.Cancelled ? "stopped" : "finished")}: {summary.Total} date(s), {summary.AlreadyDone} already done, "
        + $"{summary.Succeeded} ingested, {summary.Failed} failed, {summary.GamesWritten} game row(s) written"
        + (summary.Failed > 0 || summary.Cancelled ? "; run the same command again to resume" : "");

    private Task<BackfillSummary> ShowOnBarAsync(ProgressTask bar, Func<Action<BackfillStep>, Task<BackfillSummary>> backfill) =>
        backfill(step =>
        {
            bar.MaxValue = step.Total;
            bar.Value = step.Done;
            bar.Description = $"backfill {step.Done}/{step.Total} {step.Date:yyyy-MM-dd} {Outcome(step)}";
            if (step.Run is { Failed: true } failed)
            {
                terminal!.MarkupLineInterpolated($"[red]{step.Date:yyyy-MM-dd} failed[/]: {failed.Error}");
            }
        });

    private void WriteLine(string line)
    {
        if (terminal is null)
        {
            lines!.WriteLine(line);
        }
        else
        {
            terminal.WriteLine(line);
        }
    }

    private static string Outcome(BackfillStep step) => step.Run is null ? "already done" : step.Run.Outcome;

    private static string Detail(BackfillStep step) => step.Run switch
    {
        { Failed: false } run => $" (+{run.GamesInserted} new, {run.GamesUpdated} updated)",
        { Error: { } error } => $" ({error})",
        _ => "",
    };
}
