namespace GamePulse.Worker.Ingestion.Backfill;

/// <summary>A redrawn progress bar on a terminal; one plain line per date when output goes to a file or a pipe.</summary>
public sealed class BackfillProgress(TextWriter output, bool interactive)
{
    private const int Width = 30;

    public void Report(BackfillStep step)
    {
        var outcome = step.Report is null ? "already done" : step.Report.Outcome;
        var detail = step.Report is { Failed: false } r ? $" (+{r.Inserted} new, {r.Updated} updated)" : step.Report?.Error is { } e ? $" ({e})" : "";
        if (interactive)
        {
            var filled = step.Total == 0 ? Width : step.Done * Width / step.Total;
            output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {step.Done}/{step.Total} {step.Date:yyyy-MM-dd} {outcome,-12}");
        }
        else
        {
            output.WriteLine($"backfill {step.Done}/{step.Total} {step.Date:yyyy-MM-dd} {outcome}{detail}");
        }
    }

    public void Finish(BackfillSummary summary)
    {
        if (interactive)
        {
            output.WriteLine();
        }

        output.WriteLine(
            $"backfill {(summary.Cancelled ? "stopped" : "finished")}: {summary.Total} date(s), {summary.AlreadyDone} already done, "
            + $"{summary.Succeeded} ingested, {summary.Failed} failed, {summary.GamesWritten} game row(s) written"
            + (summary.Failed > 0 || summary.Cancelled ? "; run the same command again to resume" : ""));
    }
}
