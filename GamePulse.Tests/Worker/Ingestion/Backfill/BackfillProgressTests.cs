using System.Text.RegularExpressions;
using GamePulse.Data.Ingestion;
using GamePulse.Worker.Ingestion.Backfill;
using Spectre.Console;

namespace GamePulse.Tests.Worker.Ingestion.Backfill;

[TestClass]
public sealed partial class BackfillProgressTests
{
    private static readonly DateOnly From = new(2025, 2, 3);

    private static readonly IngestRun Ingested = new() { Job = "backfill", Source = "espn", Outcome = IngestOutcome.Succeeded, GamesInserted = 10 };
    private static readonly IngestRun Failed = new() { Job = "backfill", Source = "espn", Outcome = IngestOutcome.Failed, HttpStatus = 503, Error = "HTTP 503 from espn" };

    // Three dates: one an earlier run had done, one that failed, one ingested now.
    private static Task<BackfillSummary> ThreeDates(Action<BackfillStep> report)
    {
        report(new BackfillStep(1, 3, From, null));
        report(new BackfillStep(2, 3, From.AddDays(1), Failed));
        report(new BackfillStep(3, 3, From.AddDays(2), Ingested));
        return Task.FromResult(new BackfillSummary(3, 1, 1, 1, 10, Cancelled: false));
    }

    [TestMethod]
    public async Task Without_a_terminal_each_date_is_one_plain_line_then_the_summary()
    {
        using var output = new StringWriter();

        var summary = await BackfillProgress.Lines(output).TrackAsync(Leagues.Mens, ThreeDates);

        Assert.AreEqual(1, summary.Failed, "the summary is the backfill's own");
        string[] expected =
        [
            "backfill 1/3 2025-02-03 already done",
            "backfill 2/3 2025-02-04 failed (HTTP 503 from espn)",
            "backfill 3/3 2025-02-05 succeeded (+10 new, 0 updated)",
            "backfill finished: 3 date(s), 1 already done, 1 ingested, 1 failed, 10 game row(s) written; run the same command again to resume",
        ];
        CollectionAssert.AreEqual(
            expected,
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries),
            "one line per date, then the summary");
    }

    [TestMethod]
    public async Task On_a_terminal_a_bar_shows_the_date_and_percentage_with_failed_dates_printed_above_it()
    {
        using var output = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        terminal.Profile.Width = 200; // wide enough that Spectre does not wrap the summary line

        await BackfillProgress.Bar(terminal).TrackAsync(Leagues.Mens, ThreeDates);

        var screen = Escapes().Replace(output.ToString(), "");
        var lines = screen.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        StringAssert.Contains(screen, "2025-02-04 failed: HTTP 503 from espn", "a failed date is printed, not drawn over");
        Assert.IsTrue(lines.Any(l => l.StartsWith("backfill 3/3 2025-02-05 succeeded", StringComparison.Ordinal) && l.Contains("100%", StringComparison.Ordinal)), $"the bar ends full on the last date:\n{screen}");
        Assert.AreEqual(
            "backfill finished: 3 date(s), 1 already done, 1 ingested, 1 failed, 10 game row(s) written; run the same command again to resume",
            lines[^1],
            $"the summary follows the bar:\n{screen}");
    }

    // Cursor movement and show/hide sequences of the live display.
    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Escapes();
}
