using System.Globalization;
using GamePulse.FeedSimulator.Feed;
using GamePulse.FeedSimulator.Slate;

namespace GamePulse.FeedSimulator.Introspection;

/// <summary>A visible score change: the score after it and the real instant (t0) the feed started to show it.</summary>
public sealed record ScoreChange(string EventId, string League, int Sequence, int Home, int Away, DateTimeOffset VisibleAt);

/// <summary>A game of the slate as the introspection endpoint lists it.</summary>
public sealed record SlateEntry(string EventId, string League, string Home, string Away, DateTimeOffset TipOff, string State, string Detail, int HomeScore, int AwayScore);

/// <summary>
/// What the simulator has shown, for the latency bench and for people: <c>GET /_sim/events?since=ISO</c> lists every
/// score change visible by now (after <c>since</c>), with its t0; <c>GET /_sim/slate</c> lists the games. Both are
/// computed from the scripts, so t0 is exact: the first instant any request would have seen the new score.
/// </summary>
public static class SimEndpoints
{
    public static void MapSimulatorIntrospection(this IEndpointRouteBuilder app)
    {
        app.MapGet("/_sim/events", (HttpRequest request, Simulation simulation) =>
        {
            var since = DateTimeOffset.MinValue;
            if (request.Query["since"] is { Count: > 0 } text
                && !DateTimeOffset.TryParse(text[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since))
            {
                return FeedEndpoints.Problem(400, "since must be an ISO 8601 instant.");
            }

            var now = simulation.Now;
            return Results.Json(new { now, seed = simulation.Seed, speed = simulation.Speed, changes = Changes(simulation, since, now) });
        });

        app.MapGet("/_sim/slate", (Simulation simulation) => Results.Json(new
        {
            now = simulation.Now,
            seed = simulation.Seed,
            speed = simulation.Speed,
            start = simulation.Start,
            date = Data.Games.EasternCalendar.Iso(simulation.Today),
            games = simulation.Games.Select(g => simulation.MomentOf(g)).Select(m => new SlateEntry(
                m.Game.EventId, m.Game.League.Slug, m.Game.Home.DisplayName, m.Game.Away.DisplayName, m.Game.TipOff, m.Status.Name, m.Status.Detail, m.Home, m.Away)),
        }));
    }

    public static IEnumerable<ScoreChange> Changes(Simulation simulation, DateTimeOffset since, DateTimeOffset until) =>
        simulation.Games
            .SelectMany(game => game.Plays.Where(p => p.Scoring).Select(play => new ScoreChange(game.EventId, game.League.Slug, play.Sequence, play.Home, play.Away, simulation.VisibleAt(game, play))))
            .Where(c => c.VisibleAt > since && c.VisibleAt <= until)
            .OrderBy(c => c.VisibleAt);
}
