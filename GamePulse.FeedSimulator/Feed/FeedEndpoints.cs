using System.Globalization;
using GamePulse.FeedSimulator.Slate;

namespace GamePulse.FeedSimulator.Feed;

/// <summary>
/// ESPN's two site API paths the Worker calls, with the query it sends. A malformed query is a 400 and an unknown
/// league or event a 404, with a JSON message, never a 500: the Worker's retry rules treat 4xx as final.
/// </summary>
public static class FeedEndpoints
{
    public const string Prefix = "/apis/site/v2/sports/basketball";

    public static void MapFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix + "/{league}/scoreboard", (string league, HttpRequest request, Simulation simulation) =>
        {
            if (SimLeague.FromSlug(league) is not { } known)
            {
                return Problem(404, $"No league '{league}'.");
            }

            if (!TryDate(request.Query["dates"], out var date))
            {
                return Problem(400, "dates must be one day as yyyyMMdd.");
            }

            if (!IsWhole(request.Query["groups"], 1, 1000) || !IsWhole(request.Query["limit"], 1, 1000))
            {
                return Problem(400, "groups and limit must be whole numbers (1-1000).");
            }

            // groups=100 is the NCAA Tournament: the simulated slate is a regular-season day.
            var games = request.Query["groups"] == "100" ? [] : simulation.On(known, date).Select(simulation.MomentOf).ToList();
            return Results.Bytes(ScoreboardJson.Write(known, date, games), "application/json");
        });

        app.MapGet(Prefix + "/{league}/summary", (string league, HttpRequest request, Simulation simulation) =>
        {
            if (SimLeague.FromSlug(league) is not { } known)
            {
                return Problem(404, $"No league '{league}'.");
            }

            var eventId = request.Query["event"];
            if (eventId.Count != 1 || eventId[0] is not { Length: > 0 and <= 20 } id || !id.All(char.IsAsciiDigit))
            {
                return Problem(400, "event must be one numeric event id.");
            }

            return simulation.Games.FirstOrDefault(g => g.EventId == id && g.League == known) is { } game
                ? Results.Bytes(SummaryJson.Write(simulation.MomentOf(game)), "application/json")
                : Problem(404, $"No event {id} in {league}.");
        });
    }

    public static IResult Problem(int status, string message) => Results.Json(new { code = status, message }, statusCode: status);

    private static bool TryDate(Microsoft.Extensions.Primitives.StringValues values, out DateOnly date)
    {
        date = default;
        return values.Count == 1 && values[0] is { Length: 8 } text
            && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool IsWhole(Microsoft.Extensions.Primitives.StringValues values, int min, int max) =>
        values.Count == 0
        || (values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max);
}
