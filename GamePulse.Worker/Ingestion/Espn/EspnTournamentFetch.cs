using System.Text.Json;

namespace GamePulse.Worker.Ingestion.Espn;

/// <summary>
/// One scoreboard from ESPN's two groups. In the tournament window both requests go out together (the run waits for the
/// slower, not for both one after the other); outside it groups=100 is asked only when the groups=50 answer says the
/// date is postseason. Either answer alone still makes a scoreboard: the other's failure is reported as
/// <see cref="FeedResponse.Incomplete"/> (a partial run), and only both failing fails the fetch.
/// </summary>
public sealed class EspnTournamentFetch(Func<CancellationToken, Task<FeedResponse>> regular, Func<CancellationToken, Task<FeedResponse>> tournament)
{
    public async Task<FeedResponse> RunAsync(bool inTournamentWindow, CancellationToken cancellationToken)
    {
        var tournamentTask = inTournamentWindow ? AttemptAsync(tournament, cancellationToken) : null;
        var regularResult = await AttemptAsync(regular, cancellationToken);
        if (tournamentTask is null)
        {
            if (regularResult.Response is not { } alone || !SaysPostseason(alone.Body))
            {
                return regularResult.Response ?? throw regularResult.Error!;
            }

            tournamentTask = AttemptAsync(tournament, cancellationToken);
        }

        var tournamentResult = await tournamentTask;
        return Combine(regularResult, tournamentResult);
    }

    private static FeedResponse Combine(Attempt regularResult, Attempt tournamentResult)
    {
        switch (regularResult.Response, tournamentResult.Response)
        {
            case ({ } both, { } extra):
                try
                {
                    return both with { Body = EspnGroupsMerge.Merge(both.Body, extra.Body) };
                }
                catch (JsonException ex)
                {
                    // Which of the two is unreadable: the regular one is left for the parser to report as it always has.
                    return IsJson(both.Body)
                        ? both with { Incomplete = $"groups={EspnScoreSource.TournamentGroup} answer is not valid JSON: {ex.Message}" }
                        : extra with { Incomplete = $"groups={EspnScoreSource.DivisionIGroup} answer is not valid JSON: {ex.Message}" };
                }

            case ({ } only, null):
                return only with { Incomplete = $"groups={EspnScoreSource.TournamentGroup} request failed: {tournamentResult.Error!.Message}" };
            case (null, { } only):
                return only with { Incomplete = $"groups={EspnScoreSource.DivisionIGroup} request failed: {regularResult.Error!.Message}" };
            default:
                throw new FeedUnavailableException(
                    $"{regularResult.Error!.Message} (groups={EspnScoreSource.TournamentGroup} failed too: {tournamentResult.Error!.Message})",
                    regularResult.Error.StatusCode,
                    regularResult.Error);
        }
    }

    private static bool SaysPostseason(byte[] body)
    {
        try
        {
            return EspnGroupsMerge.IsPostseason(body);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsJson(byte[] body)
    {
        try
        {
            EspnScoreboardScan.Read(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<Attempt> AttemptAsync(Func<CancellationToken, Task<FeedResponse>> fetch, CancellationToken cancellationToken)
    {
        try
        {
            return new Attempt(await fetch(cancellationToken), null);
        }
        catch (FeedUnavailableException ex)
        {
            return new Attempt(null, ex);
        }
    }

    private sealed record Attempt(FeedResponse? Response, FeedUnavailableException? Error);
}
