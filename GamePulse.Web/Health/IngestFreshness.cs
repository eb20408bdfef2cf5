using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Health;

/// <summary>One league's freshness: Fresh, Stale (last success too old) or Never (no run ever wrote its data).</summary>
public sealed record LeagueFreshness(
    string LeagueCode,
    string LeagueName,
    bool IsFresh,
    DateTimeOffset? LastSuccessAt,
    TimeSpan? Age,
    TimeSpan Allowed,
    bool HasLiveGames,
    DateTimeOffset? LastRunAt,
    string? LastRunOutcome)
{
    public string State => IsFresh ? "fresh" : LastSuccessAt is null ? "never" : "stale";
}

/// <summary>
/// The freshness rule shared by /readyz and /admin: a league is fresh when its last run that wrote data (succeeded or
/// partial) finished within what the Worker's schedule allows right now: the live allowance while one of its games is
/// in progress, the idle allowance otherwise.
/// </summary>
public sealed class IngestFreshness(IngestRunRepository runs, IOptions<IngestFreshnessOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<LeagueFreshness>> EvaluateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var states = await runs.GetLeagueStatesAsync(EasternCalendar.DateOf(now), cancellationToken);
        return [.. states.Select(state => Evaluate(state, now, options.Value))];
    }

    public static LeagueFreshness Evaluate(LeagueIngestState state, DateTimeOffset now, IngestFreshnessOptions options)
    {
        var live = state.LiveGames > 0;
        var allowed = TimeSpan.FromMinutes(live ? options.LiveMaxAgeMinutes : options.IdleMaxAgeMinutes);
        // A clock a little behind the database's must not make the age negative.
        TimeSpan? age = state.LastSuccessAt is { } last ? (now - last < TimeSpan.Zero ? TimeSpan.Zero : now - last) : null;
        return new LeagueFreshness(state.LeagueCode, state.LeagueName, age is { } a && a <= allowed, state.LastSuccessAt, age, allowed, live,
            state.LastRunAt, state.LastRunOutcome);
    }
}
