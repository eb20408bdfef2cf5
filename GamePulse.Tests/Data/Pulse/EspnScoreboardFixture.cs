using System.Globalization;
using System.Text.Json;
using GamePulse.Data.Games;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data.Pulse;

/// <summary>
/// The few fields Pulse needs from a recorded ESPN scoreboard (events → state, period, clock, scores, ranks, teams).
/// Deliberately minimal and test-only: the Worker's ESPN parser is the real one, built separately; once it lands these
/// tests can switch to it. ESPN's rank 99 means unranked.
/// </summary>
public sealed record EspnFixtureGame(
    string EventId,
    string State,
    int Period,
    string Clock,
    int HomeScore,
    int AwayScore,
    int? HomeRank,
    int? AwayRank,
    bool ConferenceGame,
    string? Notes,
    DateTimeOffset StartTime,
    FeedTeam Home,
    FeedTeam Away)
{
    public static IReadOnlyList<EspnFixtureGame> Load(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Fixture(relativePath)));
        return [.. document.RootElement.GetProperty("events").EnumerateArray().Select(Parse)];
    }

    public PulseInput ToPulseInput(short leagueId, GameFlow flow) => new()
    {
        LeagueId = leagueId,
        State = State,
        Period = Period,
        Clock = Clock,
        HomeScore = State == GameState.Scheduled ? null : HomeScore,
        AwayScore = State == GameState.Scheduled ? null : AwayScore,
        HomeName = Home.ShortName,
        AwayName = Away.ShortName,
        HomeRank = HomeRank,
        AwayRank = AwayRank,
        ConferenceGame = ConferenceGame,
        Notes = Notes,
        Flow = flow,
    };

    public GameUpsert ToUpsert(IReadOnlyDictionary<string, int> teamIds) => new()
    {
        ExternalId = EventId,
        StartTime = StartTime,
        GameDate = EasternCalendar.DateOf(StartTime),
        State = State,
        Period = (short)Period,
        Clock = Clock,
        HomeTeamId = teamIds[Home.ExternalId],
        AwayTeamId = teamIds[Away.ExternalId],
        HomeScore = State == GameState.Scheduled ? null : (short)HomeScore,
        AwayScore = State == GameState.Scheduled ? null : (short)AwayScore,
        HomeRank = (short?)HomeRank,
        AwayRank = (short?)AwayRank,
        ConferenceGame = ConferenceGame,
        Notes = Notes,
        Season = 2025,
    };

    private static EspnFixtureGame Parse(JsonElement @event)
    {
        var competition = @event.GetProperty("competitions")[0];
        var status = competition.GetProperty("status");
        var type = status.GetProperty("type");
        var state = (type.GetProperty("state").GetString(), type.GetProperty("name").GetString()) switch
        {
            (_, "STATUS_HALFTIME") => GameState.Halftime,
            (_, "STATUS_POSTPONED") => GameState.Postponed,
            (_, "STATUS_CANCELED") => GameState.Canceled,
            ("in", _) => GameState.Live,
            ("post", _) => GameState.Final,
            _ => GameState.Scheduled,
        };
        var competitors = competition.GetProperty("competitors").EnumerateArray().ToList();
        var home = competitors.Single(c => c.GetProperty("homeAway").GetString() == "home");
        var away = competitors.Single(c => c.GetProperty("homeAway").GetString() == "away");
        var notes = competition.GetProperty("notes").EnumerateArray()
            .Select(n => n.TryGetProperty("headline", out var h) ? h.GetString() : null).FirstOrDefault(n => n is not null);
        return new EspnFixtureGame(
            @event.GetProperty("id").GetString()!,
            state,
            status.GetProperty("period").GetInt32(),
            status.GetProperty("displayClock").GetString()!,
            Score(home),
            Score(away),
            Rank(home),
            Rank(away),
            competition.GetProperty("conferenceCompetition").GetBoolean(),
            notes,
            DateTimeOffset.Parse(@event.GetProperty("date").GetString()!, CultureInfo.InvariantCulture),
            Team(home),
            Team(away));
    }

    private static int Score(JsonElement competitor) => int.Parse(competitor.GetProperty("score").GetString()!, CultureInfo.InvariantCulture);

    private static int? Rank(JsonElement competitor) =>
        competitor.TryGetProperty("curatedRank", out var rank) && rank.GetProperty("current").GetInt32() is >= 1 and <= 25 and var current ? current : null;

    private static FeedTeam Team(JsonElement competitor)
    {
        var team = competitor.GetProperty("team");
        string? Text(string name) => team.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new FeedTeam(Text("id")!, Text("displayName")!, Text("shortDisplayName")!, Text("location"), Text("name"), Text("abbreviation"), null, null, null);
    }
}
