using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;

namespace GamePulse.Worker.Ingestion.Ncaa;

/// <summary>
/// Reads the NCAA.com "casablanca" scoreboard (as served by data.ncaa.com and henrygd/ncaa-api) in every vintage met:
/// teams' conferences as <c>conferences</c> (array) or <c>conferenceNames</c>; <c>url</c> as "/game/NNNNNNN" or a slug;
/// <c>gameID</c> as a number or a UUID. The stable game id is the number in <c>url</c> where there is one, else gameID.
/// Teams are keyed by their seo name; everything numeric arrives as a string, "" meaning none.
/// </summary>
public static partial class NcaaScoreboardParser
{
    public static ParsedScoreboard Parse(JsonElement root, League league)
    {
        if (root.ValueKind != JsonValueKind.Object || root.Get("games") is not { ValueKind: JsonValueKind.Array } list)
        {
            throw new PayloadException("NCAA payload has no games array (not a casablanca scoreboard).");
        }

        var regulationPeriods = GameFormat.ForLeague(league.Id).RegulationPeriods;
        var games = new List<FeedGame>();
        var teams = new List<FeedTeam>();
        var skipped = new List<SkippedGame>();
        foreach (var wrapper in list.EnumerateArray())
        {
            var item = wrapper.Get("game") ?? wrapper;
            try
            {
                var (game, home, away) = ParseGame(item, regulationPeriods);
                games.Add(game);
                teams.AddRange(new[] { home, away }.OfType<FeedTeam>());
            }
            catch (Exception ex) when (ex is BadGameException or FormatException or InvalidOperationException or OverflowException)
            {
                skipped.Add(new SkippedGame(ExternalId(item), ex.Message));
            }
        }

        var dates = games.Select(g => g.Game.GameDate).Distinct().ToList();
        return new ParsedScoreboard(ScoreSource.Ncaa, dates.Count == 1 ? dates[0] : null, games, teams, skipped);
    }

    private static (FeedGame Game, FeedTeam? Home, FeedTeam? Away) ParseGame(JsonElement item, int regulationPeriods)
    {
        var id = ExternalId(item) ?? throw new BadGameException("game without a url or gameID");
        var home = item.Get("home") ?? throw new BadGameException($"game {id} has no home team");
        var away = item.Get("away") ?? throw new BadGameException($"game {id} has no away team");
        var (homeTeam, homePlaceholder) = Side(home, id);
        var (awayTeam, awayPlaceholder) = Side(away, id);

        var epoch = item.Get("startTimeEpoch").Number();
        DateTimeOffset? start = epoch is { } seconds ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : null;
        var startDate = item.Get("startDate").String() is { } text
            && DateOnly.TryParseExact(text, ["MM-dd-yyyy", "yyyy-MM-dd", "MM/dd/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : (DateOnly?)null;
        var gameDate = startDate ?? (start is { } s ? EasternCalendar.DateOf(s) : throw new BadGameException($"game {id} has no start date"));
        var tba = string.Equals(item.Get("startTime").String(), "TBA", StringComparison.OrdinalIgnoreCase);

        var currentPeriod = item.Get("currentPeriod").String()?.ToUpperInvariant();
        var state = MapState(item.Get("gameState").String(), currentPeriod)
            ?? throw new BadGameException($"game {id} has an unknown gameState '{item.Get("gameState").String()}'");
        var scored = state is not (GameState.Scheduled or GameState.Postponed or GameState.Canceled);
        var clock = state is GameState.Live or GameState.Delayed ? item.Get("contestClock").String() : null;
        var bracketRound = item.Get("bracketRound").String();
        var bracketId = item.Get("bracketId").String() is { } bracket && int.TryParse(bracket, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : (int?)null;
        var contestName = item.Get("contestName").String();
        // NCAA.com gives the national bracket a bracketId; other postseason games (NIT, conference) name their contest.
        var tournament = bracketId is not null || (bracketRound is not null && contestName is null) ? Tournaments.Ncaa
            : bracketRound is not null ? contestName
            : null;

        var game = new GameUpsert
        {
            ExternalId = id,
            StartTime = tba ? null : start,
            GameDate = gameDate,
            State = state,
            Period = scored ? PeriodNumber(currentPeriod, regulationPeriods) : null,
            Clock = clock,
            Detail = item.Get("finalMessage").String() is { } final ? Capitalise(final)
                : state is GameState.Live ? $"{currentPeriod} {clock}".Trim()
                : state is GameState.Halftime ? "Halftime"
                : item.Get("startTime").String(),
            HomeTeamId = null,
            AwayTeamId = null,
            HomePlaceholder = homePlaceholder,
            AwayPlaceholder = awayPlaceholder,
            HomeScore = scored ? home.Get("score").Short() : null,
            AwayScore = scored ? away.Get("score").Short() : null,
            HomeRank = Positive(home.Get("rank").Short()),
            AwayRank = Positive(away.Get("rank").Short()),
            HomeSeed = Positive(home.Get("seed").Short()),
            AwaySeed = Positive(away.Get("seed").Short()),
            HomeRecord = Record(home),
            AwayRecord = Record(away),
            ConferenceGame = Conferences(home).Intersect(Conferences(away)).Any(),
            Broadcast = item.Get("network").String(),
            Season = (short)Season.Of(gameDate),
            SeasonType = item.Get("bracketId").String() is not null || bracketRound is not null ? "postseason" : "regular",
            Notes = string.Join(" - ", new[] { contestName, bracketRound }.OfType<string>()) is { Length: > 0 } notes ? notes : null,
            Tournament = tournament,
            TournamentRegion = tournament is null ? null : item.Get("bracketRegion").String(),
            TournamentRound = tournament is null ? null : bracketRound,
            BracketId = bracketId,
        };
        return (new FeedGame(game, homeTeam?.ExternalId, awayTeam?.ExternalId), homeTeam, awayTeam);
    }

    /// <summary>gameState first (pre/live/final/...); while live, currentPeriod "HALF" means halftime.</summary>
    public static string? MapState(string? gameState, string? currentPeriod) => gameState?.ToLowerInvariant() switch
    {
        "pre" or "scheduled" => GameState.Scheduled,
        "live" or "in" or "in_progress" => currentPeriod is "HALF" or "HALFTIME" ? GameState.Halftime : GameState.Live,
        "final" or "post" or "f" => GameState.Final,
        "postponed" => GameState.Postponed,
        "canceled" or "cancelled" => GameState.Canceled,
        "delayed" or "suspended" => GameState.Delayed,
        _ => null,
    };

    /// <summary>"1ST"/"2ND"/"3RD"/"4TH" are periods; "OT", "2OT" follow regulation; "HALF" is after the first half.</summary>
    public static short? PeriodNumber(string? currentPeriod, int regulationPeriods)
    {
        if (currentPeriod is null or "" or "FINAL")
        {
            return null;
        }

        if (currentPeriod is "HALF" or "HALFTIME")
        {
            return (short)(regulationPeriods / 2);
        }

        var overtime = OvertimePattern().Match(currentPeriod);
        if (overtime.Success)
        {
            var count = overtime.Groups[1].Value is { Length: > 0 } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1;
            return (short)(regulationPeriods + count);
        }

        var ordinal = OrdinalPattern().Match(currentPeriod);
        return ordinal.Success ? short.Parse(ordinal.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static string? ExternalId(JsonElement item) =>
        item.Get("url").String() is { } url && NumericUrl().Match(url) is { Success: true } match
            ? match.Groups[1].Value
            : item.Get("gameID").String();

    /// <summary>The side's team, or (null, its label) for a bracket slot not decided yet: a "tbd" or missing seo name, or the name TBD.</summary>
    private static (FeedTeam? Team, string? Placeholder) Side(JsonElement side, string gameId)
    {
        var names = side.Get("names");
        var seo = names.Get("seo").String();
        var shortName = names.Get("short").String() ?? names.Get("full").String();
        if (seo is null && names is null)
        {
            throw new BadGameException($"game {gameId} has a team without names");
        }

        return seo is null || Placeholders.IsPlaceholderId(seo) || Placeholders.IsPlaceholderName(shortName)
            ? (null, Placeholders.Label(shortName))
            : (Team(side, seo, shortName ?? seo), null);
    }

    private static FeedTeam Team(JsonElement side, string seo, string shortName)
    {
        var names = side.Get("names");
        return new FeedTeam(
            ExternalId: seo,
            DisplayName: shortName,
            ShortName: shortName,
            Location: shortName,
            Nickname: names.Get("nickname").String(),
            Abbreviation: names.Get("char6").String(),
            PrimaryColor: side.Get("color").String()?.TrimStart('#'),
            SecondaryColor: null,
            LogoUrl: null);
    }

    private static IEnumerable<string> Conferences(JsonElement side)
    {
        var entries = (side.Get("conferences") ?? side.Get("conferenceNames")) is { } value
            ? value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value]
            : [];
        // "Top 25" is listed like a conference for ranked teams; it says nothing about the game.
        return entries.Select(c => c.Get("conferenceSeo").String()).OfType<string>().Where(s => s != "top-25");
    }

    private static string? Record(JsonElement side) => side.Get("description").String()?.Trim('(', ')', ' ') is { Length: > 0 } record ? record : null;

    private static short? Positive(short? value) => value > 0 ? value : null;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();

    [GeneratedRegex(@"/game/(\d+)/?$")]
    private static partial Regex NumericUrl();

    [GeneratedRegex(@"^(\d*)OT$")]
    private static partial Regex OvertimePattern();

    [GeneratedRegex(@"^(\d)(ST|ND|RD|TH)$")]
    private static partial Regex OrdinalPattern();
}
