using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GamePulse.Data.Games;
using GamePulse.Data.Live;
using Npgsql;

// Fan-out bench (bench/README.md): N subscribers of one live scoreboard's stream on loopback, one real change
// (UPDATE + pg_notify in one transaction, as the Worker commits) every INTERVAL seconds for DURATION seconds; then the
// same N clients polling the fragment every 15 s. Bounded: fixed client count, fixed duration, loopback only.
// Usage: dotnet run -- BASE_URL WEB_PID CLIENTS [INTERVAL_S=2] [DURATION_S=60]   (ConnectionStrings__GamePulse set)
var baseUrl = new Uri(args[0]);
var webPid = int.Parse(args[1], CultureInfo.InvariantCulture);
var clients = int.Parse(args[2], CultureInfo.InvariantCulture);
var interval = TimeSpan.FromSeconds(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 2);
var duration = TimeSpan.FromSeconds(args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 60);
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GamePulse") ?? throw new InvalidOperationException("ConnectionStrings__GamePulse is not set");

await using var data = NpgsqlDataSource.Create(connectionString);
var (gameId, leagueSlug, date) = await LiveGameAsync(data);
var streamPath = LiveStreams.Scoreboard(new LiveStreamKey(leagueSlug, date, LiveView.Default)) + $"?{LiveStreams.SinceKey}={long.MaxValue}";
var fragmentPath = $"/{leagueSlug}/scores/{EasternCalendar.Iso(date)}";
var clock = Stopwatch.StartNew();
var commits = new System.Collections.Concurrent.ConcurrentDictionary<int, double>(); // home score -> commit time (ms)
var scorePattern = new Regex($"data-game-id=\"{gameId}\"[^§]*?data-testid=\"game-card-home-score\">(\\d+)<", RegexOptions.Compiled);

using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = int.MaxValue,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    AutomaticDecompression = System.Net.DecompressionMethods.None,
})
{ BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };

Console.WriteLine($"fanout: {clients} clients, game {gameId} on {fragmentPath}, a change every {interval.TotalSeconds} s for {duration.TotalSeconds} s, {Environment.ProcessorCount} cores");
await SettleAsync();
var rssBefore = Rss(webPid);

// --- Push ---------------------------------------------------------------------------------------------------
using var stop = new CancellationTokenSource();
var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
var connected = 0;
var refused = 0;
var subscribers = new List<Task>(clients);
var connectWatch = Stopwatch.StartNew();
// Two halves, with the RSS after each: the second half's growth is the marginal cost of a connection, free of the
// one-off growth (heap budgets, pools, JIT) that the first streams bring.
var half = clients / 2;
long rssHalf = 0;
for (var i = 0; i < clients; i++)
{
    if (i == half)
    {
        await WaitConnectedAsync(half);
        await SettleAsync();
        rssHalf = Rss(webPid);
    }

    subscribers.Add(SubscribeAsync(stop.Token));
    if (i % 200 == 199)
    {
        await Task.Delay(50); // a ramp, inside Kestrel's accept backlog
    }
}

await WaitConnectedAsync(clients);
Console.WriteLine($"push: {connected} streams open ({refused} refused) in {connectWatch.Elapsed.TotalSeconds:F1} s");
await SettleAsync();
var rssConnected = Rss(webPid);
var idleCpu = await CpuOverAsync(TimeSpan.FromSeconds(10), () => Task.CompletedTask);
var changes = 0;
var pushCpu = await CpuOverAsync(duration, async () =>
{
    var end = clock.Elapsed + duration;
    while (clock.Elapsed < end)
    {
        var next = clock.Elapsed + interval;
        await ChangeAsync();
        changes++;
        var wait = next - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    await Task.Delay(TimeSpan.FromSeconds(3)); // the last change's deliveries
});
stop.Cancel();
await Task.WhenAll(subscribers);
var expected = (long)changes * connected;
Console.WriteLine($"push: {changes} changes, {latencies.Count} of {expected} deliveries ({100.0 * latencies.Count / Math.Max(1, expected):F2} %)");
Console.WriteLine($"push: commit-to-receipt latency ms  p50 {P(latencies, 50):F1}  p95 {P(latencies, 95):F1}  p99 {P(latencies, 99):F1}  max {P(latencies, 100):F1}");
Console.WriteLine($"push: Web RSS {rssBefore / 1024.0 / 1024:F1} MB before, {rssHalf / 1024.0 / 1024:F1} MB with {half} streams, {rssConnected / 1024.0 / 1024:F1} MB with {connected}: {(rssConnected - rssBefore) / 1024.0 / Math.Max(1, connected):F1} KB per connection overall, {(rssConnected - rssHalf) / 1024.0 / Math.Max(1, connected - half):F1} KB per connection of the second half (target <= 15)");
Console.WriteLine($"push: Web CPU {idleCpu.TotalMilliseconds / 10:F1} ms/s idle (heartbeats), {pushCpu.TotalMilliseconds / duration.TotalSeconds:F1} ms/s with changes: {(pushCpu.TotalMilliseconds - idleCpu.TotalMilliseconds * duration.TotalSeconds / 10) / Math.Max(1, changes):F1} ms CPU per change (net of idle) for {connected} subscribers");

// --- Polling, for comparison --------------------------------------------------------------------------------
await Task.Delay(TimeSpan.FromSeconds(5));
var pollLatencies = new System.Collections.Concurrent.ConcurrentBag<double>();
var polls = 0L;
var notModified = 0L;
var pollErrors = 0L;
using var pollStop = new CancellationTokenSource();
var pollers = Enumerable.Range(0, clients).Select(i => PollAsync(TimeSpan.FromSeconds(15.0 * i / clients), pollStop.Token)).ToList();
var pollChanges = 0;
var pollCpu = await CpuOverAsync(duration, async () =>
{
    var end = clock.Elapsed + duration;
    while (clock.Elapsed < end)
    {
        var next = clock.Elapsed + interval;
        await ChangeAsync();
        pollChanges++;
        var wait = next - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
});
pollStop.Cancel();
await Task.WhenAll(pollers);
Console.WriteLine($"poll: {clients} clients every 15 s, {polls} polls ({notModified} × 304, {pollErrors} errors), {polls / duration.TotalSeconds:F0} req/s, {pollChanges} changes");
Console.WriteLine($"poll: commit-to-receipt latency ms  p50 {P(pollLatencies, 50):F0}  p95 {P(pollLatencies, 95):F0}  p99 {P(pollLatencies, 99):F0}");
Console.WriteLine($"poll: Web CPU {pollCpu.TotalMilliseconds / duration.TotalSeconds:F1} ms/s");
return 0;

async Task WaitConnectedAsync(int count)
{
    var waited = Stopwatch.StartNew();
    while (Volatile.Read(ref connected) + Volatile.Read(ref refused) < count && waited.Elapsed < TimeSpan.FromSeconds(120))
    {
        await Task.Delay(200);
    }
}

async Task SubscribeAsync(CancellationToken cancellationToken)
{
    try
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, streamPath);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref refused);
            return;
        }

        Interlocked.Increment(ref connected);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var card = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                card = line.AsSpan(7).SequenceEqual(LiveStreams.CardEvent(gameId));
            }
            else if (card && line.Contains("game-card-home-score", StringComparison.Ordinal))
            {
                var at = clock.Elapsed.TotalMilliseconds;
                var match = Regex.Match(line, "game-card-home-score\">(\\d+)<");
                if (match.Success && commits.TryGetValue(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), out var committed))
                {
                    latencies.Add(at - committed);
                }

                card = false;
            }
        }
    }
    catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
    {
        if (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref refused);
        }
    }
}

async Task PollAsync(TimeSpan offset, CancellationToken cancellationToken)
{
    var seen = 0;
    string? etag = null;
    try
    {
        await Task.Delay(offset, cancellationToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, fragmentPath);
            request.Headers.Add("HX-Request", "true");
            if (etag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                Interlocked.Increment(ref polls);
                if (response.StatusCode == System.Net.HttpStatusCode.NotModified)
                {
                    Interlocked.Increment(ref notModified);
                    continue;
                }

                etag = response.Headers.ETag?.ToString();
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var at = clock.Elapsed.TotalMilliseconds;
                var match = scorePattern.Match(body);
                if (match.Success)
                {
                    var score = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                    for (var s = Math.Max(seen + 1, score - 100); seen > 0 && s <= score; s++)
                    {
                        if (commits.TryGetValue(s, out var committed))
                        {
                            pollLatencies.Add(at - committed);
                        }
                    }

                    seen = score;
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref pollErrors);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }
    catch (OperationCanceledException)
    {
    }
}

async Task ChangeAsync()
{
    await using var connection = await data.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using var update = new NpgsqlCommand("UPDATE games SET home_score = home_score + 1, updated_at = now() WHERE id = $1 RETURNING home_score", connection, transaction);
    update.Parameters.Add(new NpgsqlParameter<long> { TypedValue = gameId });
    var score = (short)(await update.ExecuteScalarAsync())!;
    await using (var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection, transaction))
    {
        notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GameChanges.Channel });
        notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GameChanges.Tag(leagueSlug, date) });
        await notify.ExecuteNonQueryAsync();
    }

    // The NOTIFY is delivered at commit; t0 is taken just before it, so the figure includes the commit itself.
    commits[score] = clock.Elapsed.TotalMilliseconds;
    await transaction.CommitAsync();
}

static async Task<(long Id, string League, DateOnly Date)> LiveGameAsync(NpgsqlDataSource data)
{
    await using var command = data.CreateCommand("SELECT g.id, l.slug, g.game_date FROM games g JOIN leagues l ON l.id = g.league_id WHERE g.state = 'live' ORDER BY g.id LIMIT 1");
    await using var reader = await command.ExecuteReaderAsync();
    return await reader.ReadAsync()
        ? (reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2))
        : throw new InvalidOperationException("no live game to change: seed one (bench/fanout/run.sh does)");
}

static long Rss(int pid)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
        {
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    throw new InvalidOperationException("no VmRSS");
}

TimeSpan Cpu()
{
    var fields = File.ReadAllText($"/proc/{webPid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime + stime
    return TimeSpan.FromSeconds(ticks / 100.0);
}

async Task<TimeSpan> CpuOverAsync(TimeSpan span, Func<Task> work)
{
    var before = Cpu();
    var started = clock.Elapsed;
    await work();
    var rest = span - (clock.Elapsed - started);
    if (rest > TimeSpan.Zero)
    {
        await Task.Delay(rest);
    }

    return Cpu() - before;
}

static async Task SettleAsync() => await Task.Delay(TimeSpan.FromSeconds(3));

static double P(IEnumerable<double> values, int percentile)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
