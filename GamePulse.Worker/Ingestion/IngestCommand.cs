using System.CommandLine;
using System.Globalization;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;
using GamePulse.Worker.Hosting;
using Npgsql;

namespace GamePulse.Worker.Ingestion;

/// <summary>
/// <c>ingest --league L --date D</c> fetches one scoreboard now; <c>ingest --league L --file F [--source espn|ncaa]</c>
/// replays a saved payload through the same parse/upsert path (the source is detected from the payload when not given).
/// Exit 0 when the run succeeded or was partial, 1 when it failed, 64 for a usage mistake.
/// </summary>
public static class IngestCommand
{
    public static Command Create(IReadOnlyList<string> settings)
    {
        var league = CommandOptions.League();
        var date = CommandOptions.Date("--date", "fetch this date's scoreboard now");
        var file = new Option<FileInfo>("--file") { Description = "replay this saved ESPN or NCAA payload instead", HelpName = "path" }.AcceptExistingOnly();
        var source = CommandOptions.Source("the feed: for --date it overrides Ingestion__Source; for --file it is detected from the payload when not given");
        var command = new Command("ingest", $"Fetch one scoreboard now, or replay a saved payload through the same code path. Exit 0 ok or partial, 1 failed, 64 usage. {CommandOptions.SettingsNote}")
        {
            league, date, file, source,
        };
        command.SetAction((result, _) => RunAsync(
            new Request(result.GetRequiredValue(league), result.GetValue(date), result.GetValue(file), result.GetValue(source)), settings));
        return command;
    }

    public static string Describe(IngestRun run, string league) =>
        $"ingest {run.Job} {league} {run.GameDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"} ({run.Source}): {run.Outcome}; "
        + $"seen {run.GamesSeen}, inserted {run.GamesInserted}, updated {run.GamesUpdated}, unchanged {run.GamesUnchanged}, "
        + $"skipped {run.GamesSkipped}, snapshots {run.SnapshotRows}, {run.DurationMs} ms"
        + (run.Error is null ? "" : $"; {run.Error}");

    private sealed record Request(string League, DateOnly? Date, FileInfo? File, ScoreSource? Source);

    private static async Task<int> RunAsync(Request request, IReadOnlyList<string> settings)
    {
        // Checked before the host is built, so a typo never needs a database.
        if ((request.Date is null) == (request.File is null))
        {
            throw new UsageException("give exactly one of --date or --file");
        }

        try
        {
            using var host = WorkerHost.CreateBuilder([.. settings]).Build();
            var services = host.Services;
            var league = await CommandOptions.LeagueAsync(services.GetRequiredService<LeagueRepository>(), request.League, CancellationToken.None);
            var run = request.File is { } file
                ? await ReplayAsync(services, league, file, request.Source)
                : await FetchAsync(services, league, request.Date!.Value, request.Source);
            Console.WriteLine(Describe(run, league.Slug));
            return run.Failed ? 1 : 0;
        }
        catch (NpgsqlException ex)
        {
            await Console.Error.WriteLineAsync($"ingest: cannot reach the database: {ex.Message}");
            return 1;
        }
    }

    private static async Task<IngestRun> ReplayAsync(IServiceProvider services, League league, FileInfo file, ScoreSource? source)
    {
        var body = await File.ReadAllBytesAsync(file.FullName);
        var kind = source ?? DetectOrDefault(body);
        // A single game's summary stores its detail too, and must not rewrite what a scoreboard stored.
        return kind == ScoreSource.Espn && Summaries.SummaryPayload.IsSummary(body)
            ? await services.GetRequiredService<Summaries.SummaryIngester>().IngestSavedAsync(league, body, CancellationToken.None)
            : await services.GetRequiredService<ScoreboardIngester>().IngestSavedAsync(new IngestTarget("file", league, null, kind), body, CancellationToken.None);
    }

    private static async Task<IngestRun> FetchAsync(IServiceProvider services, League league, DateOnly date, ScoreSource? source)
    {
        var feed = source switch
        {
            null => services.GetRequiredService<IScoreSource>(),
            ScoreSource.Ncaa => services.GetRequiredService<Ncaa.NcaaScoreSource>(),
            _ => services.GetRequiredService<Espn.EspnScoreSource>(),
        };
        return await services.GetRequiredService<ScoreboardIngester>().FetchAndIngestAsync(feed, new IngestTarget("manual", league, date, feed.Kind), CancellationToken.None);
    }

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
