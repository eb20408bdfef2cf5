using System.Globalization;
using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;
using GamePulse.Worker.Ingestion.Http;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Ingestion.Espn;

/// <summary>ESPN's site API scoreboard; groups=50 asks for every Division I game of the day, not only ranked teams'.</summary>
public sealed class EspnScoreSource(IOptions<IngestionOptions> options, TimeProvider clock) : IScoreSource, IDisposable
{
    private readonly FeedClient client = new("ESPN", options.Value, options.Value.EspnRequestsPerSecond, clock);

    public ScoreSource Kind => ScoreSource.Espn;

    public static Uri ScoreboardUrl(string baseUrl, League league, DateOnly date) =>
        new($"{baseUrl.TrimEnd('/')}/apis/site/v2/sports/basketball/{league.EspnPath}/scoreboard?dates={date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}&groups=50&limit=500");

    public Task<FeedResponse> FetchAsync(League league, DateOnly date, CancellationToken cancellationToken) =>
        client.GetAsync(ScoreboardUrl(options.Value.EspnBaseUrl, league, date), cancellationToken);

    public void Dispose() => client.Dispose();
}
