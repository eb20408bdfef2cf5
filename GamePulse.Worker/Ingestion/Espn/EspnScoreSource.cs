using System.Globalization;
using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;
using GamePulse.Worker.Ingestion.Http;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Ingestion.Espn;

/// <summary>
/// ESPN's site API scoreboard. groups=50 asks for every Division I game of the day, not only ranked teams', but leaves
/// out the NCAA Tournament, which ESPN files under groups=100: in the tournament window (and on any date groups=50
/// calls postseason) both are asked for and merged into one scoreboard (<see cref="EspnTournamentFetch"/>).
/// </summary>
public sealed class EspnScoreSource : IScoreSource, IDisposable
{
    public const string DivisionIGroup = "50";
    public const string TournamentGroup = "100";

    private readonly IngestionOptions options;
    private readonly RequestRateLimiter limiter;
    private readonly FeedClient regular;
    private readonly FeedClient tournament;

    public EspnScoreSource(IOptions<IngestionOptions> options, TimeProvider clock)
    {
        this.options = options.Value;
        limiter = new RequestRateLimiter(this.options.EspnRequestsPerSecond, clock);
        regular = new FeedClient("ESPN", this.options, limiter, clock);
        tournament = new FeedClient("ESPN groups=100", this.options, limiter, clock);
    }

    public ScoreSource Kind => ScoreSource.Espn;

    public static Uri ScoreboardUrl(string baseUrl, League league, DateOnly date, string group = DivisionIGroup) =>
        new($"{baseUrl.TrimEnd('/')}/apis/site/v2/sports/basketball/{league.EspnPath}/scoreboard?dates={date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}&groups={group}&limit=500");

    public Task<FeedResponse> FetchAsync(League league, DateOnly date, CancellationToken cancellationToken)
    {
        var regularUrl = ScoreboardUrl(options.EspnBaseUrl, league, date);
        if (!options.TournamentGroupsEnabled)
        {
            return regular.GetAsync(regularUrl, cancellationToken);
        }

        var fetch = new EspnTournamentFetch(
            token => regular.GetAsync(regularUrl, token),
            token => tournament.GetAsync(ScoreboardUrl(options.EspnBaseUrl, league, date, TournamentGroup), token));
        return fetch.RunAsync(options.ReadTournamentWindow().Contains(date), cancellationToken);
    }

    public void Dispose()
    {
        regular.Dispose();
        tournament.Dispose();
        limiter.Dispose();
    }
}
