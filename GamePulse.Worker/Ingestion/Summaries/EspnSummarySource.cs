using GamePulse.Data.Leagues;
using GamePulse.Worker.Ingestion.Http;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Ingestion.Summaries;

/// <summary>
/// ESPN's <c>summary?event=</c> endpoint through the same resilient <see cref="FeedClient"/> as the scoreboards
/// (timeout, retries, circuit breaker, rate limit) but an instance of its own: summary requests never queue in front of
/// a scoreboard fetch, and a failing summary endpoint opens only its own circuit.
/// </summary>
public sealed class EspnSummarySource(IOptions<IngestionOptions> ingestion, IOptions<SummaryOptions> summaries, TimeProvider clock) : IDisposable
{
    private readonly FeedClient client = new("ESPN summaries", ingestion.Value, summaries.Value.RequestsPerSecond, clock);

    public static Uri SummaryUrl(string baseUrl, League league, string eventId) =>
        new($"{baseUrl.TrimEnd('/')}/apis/site/v2/sports/basketball/{league.EspnPath}/summary?event={Uri.EscapeDataString(eventId)}");

    public Task<FeedResponse> FetchAsync(League league, string eventId, CancellationToken cancellationToken) =>
        client.GetAsync(SummaryUrl(ingestion.Value.EspnBaseUrl, league, eventId), cancellationToken);

    public void Dispose() => client.Dispose();
}
