using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GamePulse.Bench.Latency;
using Npgsql;

// Source-to-screen latency (bench/README.md): the feed simulator says when each score change became visible (t0),
// the NOTIFY watch when it was committed (tc), Chromium when the page showed it (t1).
// Usage: GamePulse.Bench.Latency --web URL --sim URL --db CONNECTION --pages PATH[,PATH] [--seconds 240] [--tail 45] [--warmup 20] [--out FILE] [--label TEXT] [--min-changes 200]
var options = Arguments.Parse(args);
var web = options["web"].TrimEnd('/');
var sim = options["sim"].TrimEnd('/');
var db = options["db"];
var seconds = int.Parse(options.GetValueOrDefault("seconds", "240"), CultureInfo.InvariantCulture);
var tail = int.Parse(options.GetValueOrDefault("tail", "45"), CultureInfo.InvariantCulture);
var warmup = int.Parse(options.GetValueOrDefault("warmup", "20"), CultureInfo.InvariantCulture);
var label = options.GetValueOrDefault("label", "");
var minChanges = int.Parse(options.GetValueOrDefault("min-changes", "200"), CultureInfo.InvariantCulture);

using var stop = new CancellationTokenSource();
var commits = new CommitWatch(db);
var commitTask = Task.Run(() => commits.RunAsync(stop.Token));
await using var screen = await ScreenWatch.OpenAsync(options["pages"].Split(',').Select(p => web + p));
var started = DateTimeOffset.UtcNow;
var from = started + TimeSpan.FromSeconds(warmup);
var until = started + TimeSpan.FromSeconds(warmup + seconds);
Console.Error.WriteLine($"latency: watching {options["pages"]} from {from:HH:mm:ss} to {until:HH:mm:ss}, then {tail} s for the last changes to arrive");
while (DateTimeOffset.UtcNow < until + TimeSpan.FromSeconds(tail))
{
    await Task.Delay(1000);
    await screen.CollectAsync();
}

await stop.CancelAsync();
await commitTask;

using var http = new HttpClient();
var events = await http.GetFromJsonAsync<SimEvents>($"{sim}/_sim/events?since={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}", JsonSerializerOptions.Web)
    ?? throw new InvalidOperationException("the simulator answered no events");
var changes = events.Changes.Where(c => c.VisibleAt <= until).ToList();
var idOf = await GameIds(db);

var endToEnd = new List<double>();
var sourceToCommit = new List<double>();
var commitToScreen = new List<double>();
var unseen = 0;
var neverOnScreen = 0;
var neverCommitted = 0;
foreach (var change in changes)
{
    var t1 = idOf.TryGetValue(change.EventId, out var id) && screen.Seen.TryGetValue(id, out var shown) ? First(shown, change) : null;
    var tc = commits.Seen.TryGetValue(change.EventId, out var stored) ? First(stored, change) : null;
    if (t1 is null || tc is null)
    {
        unseen++;
        neverOnScreen += t1 is null ? 1 : 0;
        neverCommitted += tc is null ? 1 : 0;
        continue;
    }

    endToEnd.Add((t1.Value - change.VisibleAt).TotalSeconds);
    sourceToCommit.Add((tc.Value - change.VisibleAt).TotalSeconds);
    commitToScreen.Add((t1.Value - tc.Value).TotalSeconds);
}

var report = new Report(label, started, seconds, changes.Count, endToEnd.Count, unseen, Summary.Of(endToEnd), Summary.Of(sourceToCommit), Summary.Of(commitToScreen));
Console.WriteLine($"latency {label}: {changes.Count} score changes, {endToEnd.Count} measured, {unseen} never shown in time ({neverOnScreen} not on screen, {neverCommitted} not seen committed)");
Console.WriteLine($"  end to end (t1 - t0):       {report.EndToEnd}   (target p95 <= 12 s)");
Console.WriteLine($"  source to commit (tc - t0): {report.SourceToCommit}");
Console.WriteLine($"  commit to screen (t1 - tc): {report.CommitToScreen}   (target p95 <= 1 s)");
if (options.TryGetValue("out", out var path))
{
    await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true }));
}

if (endToEnd.Count < minChanges)
{
    Console.Error.WriteLine($"latency: only {endToEnd.Count} changes measured, fewer than {minChanges}: run longer (the first argument of run.sh)");
    return 2;
}

return 0;

// The first observation showing this change's score or a later one.
static DateTimeOffset? First(List<Observation> seen, SimChange change)
{
    lock (seen)
    {
        return seen.FirstOrDefault(o => o.Reaches(change.Home, change.Away))?.At;
    }
}

static async Task<Dictionary<string, string>> GameIds(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    // Raw SQL: ESPN event id -> our id, which the cards carry.
    await using var read = new NpgsqlCommand("SELECT espn_id, id FROM games WHERE espn_id IS NOT NULL", connection);
    await using var rows = await read.ExecuteReaderAsync();
    var ids = new Dictionary<string, string>(StringComparer.Ordinal);
    while (await rows.ReadAsync())
    {
        ids[rows.GetString(0)] = rows.GetInt64(1).ToString(CultureInfo.InvariantCulture);
    }

    return ids;
}
