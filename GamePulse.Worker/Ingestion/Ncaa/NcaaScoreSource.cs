using System.Globalization;
using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;
using GamePulse.Worker.Ingestion.Http;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Ingestion.Ncaa;

/// <summary>The NCAA.com scoreboard through henrygd/ncaa-api (public instance or self-hosted, optional x-ncaa-key).</summary>
public sealed class NcaaScoreSource(IOptions<IngestionOptions> options, TimeProvider clock) : IScoreSource, IDisposable
{
    private readonly FeedClient client = new(
        "NCAA", options.Value, options.Value.NcaaRequestsPerSecond, clock,
        options.Value.NcaaApiKey is { Length: > 0 } key ? new Dictionary<string, string> { ["x-ncaa-key"] = key } : null);

    public ScoreSource Kind => ScoreSource.Ncaa;

    public static Uri ScoreboardUrl(string baseUrl, League league, DateOnly date) =>
        new($"{baseUrl.TrimEnd('/')}/scoreboard/{league.NcaaSport}/d1/{date.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture)}/all-conf");

    public Task<FeedResponse> FetchAsync(League league, DateOnly date, CancellationToken cancellationToken) =>
        client.GetAsync(ScoreboardUrl(options.Value.NcaaBaseUrl, league, date), cancellationToken);

    public void Dispose() => client.Dispose();
}
