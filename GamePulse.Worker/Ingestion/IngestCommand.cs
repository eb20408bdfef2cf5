using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;
using GamePulse.Worker.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamePulse.Worker.Ingestion;

/// <summary>
/// <c>ingest --league L --date D</c> fetches one scoreboard now; <c>ingest --league L --file F [--source espn|ncaa]</c>
/// replays a saved payload through the same parse/upsert path (the source is detected from the payload when not given).
/// Exit 0 when the run succeeded or was partial, 1 when it failed, 64 for a usage mistake.
/// </summary>
public static class IngestCommand
{
    private static readonly HashSet<string> Options = ["--league", "--date", "--file", "--source"];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var arguments = new CommandArguments("ingest", args, Options);
            var leagueName = arguments.Required("--league");
            var file = arguments.Optional("--file");
            var source = arguments.Source("--source");
            if ((file is null) == (arguments.Optional("--date") is null))
            {
                throw new UsageException("ingest: give exactly one of --date or --file");
            }

            if (file is not null && !File.Exists(file))
            {
                throw new UsageException($"ingest: file '{file}' does not exist");
            }

            DateOnly? date = file is null ? arguments.Date("--date", TimeProvider.System) : null;

            // Arguments are checked before the host is built, so a typo never needs a database.
            using var host = WorkerHost.CreateBuilder([]).Build();
            var services = host.Services;
            var ingester = services.GetRequiredService<ScoreboardIngester>();
            var league = await CommandArguments.LeagueAsync(services.GetRequiredService<LeagueRepository>(), "ingest", leagueName, CancellationToken.None);

            IngestReport report;
            if (file is not null)
            {
                var body = await File.ReadAllBytesAsync(file);
                var kind = source ?? DetectOrDefault(body);
                // A single game's summary stores its detail too, and must not rewrite what a scoreboard stored.
                report = kind == ScoreSource.Espn && Summaries.SummaryPayload.IsSummary(body)
                    ? await services.GetRequiredService<Summaries.SummaryIngester>().IngestSavedAsync(league, body, CancellationToken.None)
                    : await ingester.IngestSavedAsync(new IngestTarget("file", league, null, kind), body, CancellationToken.None);
            }
            else
            {
                var configured = services.GetRequiredService<IScoreSource>();
                var feed = source switch
                {
                    null => configured,
                    ScoreSource.Ncaa => services.GetRequiredService<Ncaa.NcaaScoreSource>(),
                    _ => services.GetRequiredService<Espn.EspnScoreSource>(),
                };
                report = await ingester.FetchAndIngestAsync(feed, new IngestTarget("manual", league, date, feed.Kind), CancellationToken.None);
            }

            Console.WriteLine(Describe(report));
            return report.Failed ? 1 : 0;
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n{WorkerCommandLine.Usage}");
            return 64;
        }
        catch (NpgsqlException ex)
        {
            await Console.Error.WriteLineAsync($"ingest: cannot reach the database: {ex.Message}");
            return 1;
        }
    }

    public static string Describe(IngestReport report) =>
        $"ingest {report.Job} {report.League} {(report.Date is { } date ? Data.Games.EasternCalendar.Iso(date) : "-")} ({report.Source}): {report.Outcome}; "
        + $"seen {report.GamesSeen}, inserted {report.Inserted}, updated {report.Updated}, unchanged {report.Unchanged}, "
        + $"skipped {report.Skipped}, snapshots {report.SnapshotRows}, {report.DurationMs} ms"
        + (report.Error is null ? "" : $"; {report.Error}");

    // An unreadable file still goes through the pipeline so the failure is recorded like any other; ESPN is a guess then.
    private static ScoreSource DetectOrDefault(byte[] body)
    {
        try
        {
            return ScoreboardPayload.Detect(body);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or PayloadException)
        {
            return ScoreSource.Espn;
        }
    }
}
