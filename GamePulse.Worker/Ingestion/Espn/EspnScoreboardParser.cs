using System.Globalization;
using System.Text.Json;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;

namespace GamePulse.Worker.Ingestion.Espn;

/// <summary>
/// Reads ESPN site API payloads: a <c>scoreboard</c> (events[]) or a single game's <c>summary?event=</c> (header),
/// whose competition has the same shape with a few renamed fields (record/records, rank/curatedRank, logos/logo).
/// </summary>
public static class EspnScoreboardParser
{
    private const short Unranked = 99;

    /// <summary>
    /// Reads only the fields of <see cref="EspnPayloadShape"/>: a 150-game scoreboard is about 1.9 MB, over half of it
    /// subtrees never read, and building a JsonDocument over all of it took most of the parse. Invalid or truncated
    /// JSON throws <see cref="JsonException"/>.
    /// </summary>
    public static ParsedScoreboard Parse(ReadOnlyMemory<byte> body, League league, int maxDepth)
    {
        var root = EspnPayloadShape.Payload.Read(body, maxDepth);
        try
        {
            return Parse(root, league);
        }
        catch (InvalidOperationException ex)
        {
            // Text that is not UTF-8 outside any game (a league slug, the day); inside one it only skips that game.
            throw new PayloadException($"ESPN payload cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>The games of a payload already read with <see cref="EspnPayloadShape.Payload"/> or a shape that extends it.</summary>
    internal static ParsedScoreboard Parse(ShapedJson root, League league)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadException("ESPN payload is not a JSON object.");
        }

        var isSummary = root.Get("header") is not null && root.Get("events") is null;
        var leagueSlug = isSummary ? root.Get("header").Get("league").Get("slug").String() : root.Get("leagues").Items().FirstOrDefault().Get("slug").String();
        if (leagueSlug is not null && leagueSlug != league.EspnPath)
        {
            throw new PayloadException($"ESPN payload is for '{leagueSlug}', not {league.EspnPath}.");
        }

        List<(ShapedJson Event, ShapedJson? Venue)> events = isSummary
            ? [(root.Property("header"), root.Get("gameInfo").Get("venue"))]
            : root.Get("events") is { ValueKind: JsonValueKind.Array } list
                ? [.. list.Items.Select(e => (e, (ShapedJson?)null))]
                : throw new PayloadException("ESPN payload has no events array (not a scoreboard or summary).");

        var games = new List<FeedGame>();
        var teams = new List<FeedTeam>();
        var skipped = new List<SkippedGame>();
        foreach (var (item, venue) in events)
        {
            string? id = null;
            try
            {
                // Inside the try: an id that is not UTF-8 skips this game, not the payload.
                id = item.Get("id").String();
                var (game, home, away) = ParseEvent(item, venue);
                games.Add(game);
                teams.AddRange(new[] { home, away }.OfType<FeedTeam>());
            }
            catch (Exception ex) when (ex is BadGameException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                skipped.Add(new SkippedGame(id, ex.Message));
            }
        }

        DateOnly? date = root.Get("day").Get("date").String() is { } day && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;
        // A summary (or a scoreboard saved without its "day") still names its date when all its games share one.
        var gameDates = games.Select(g => g.Game.GameDate).Distinct().ToList();
        return new ParsedScoreboard(ScoreSource.Espn, date ?? (gameDates.Count == 1 ? gameDates[0] : null), games, teams, skipped) { IsSummary = isSummary };
    }

    private static (FeedGame Game, FeedTeam? Home, FeedTeam? Away) ParseEvent(ShapedJson item, ShapedJson? summaryVenue)
    {
        var id = item.Get("id").String() ?? throw new BadGameException("event without an id");
        var competition = item.Get("competitions").Items().FirstOrDefault();
        if (competition.ValueKind != JsonValueKind.Object)
        {
            throw new BadGameException($"event {id} has no competition");
        }

        var competitors = competition.Get("competitors").Items().ToList();
        var home = competitors.FirstOrDefault(c => c.Get("homeAway").String() == "home");
        var away = competitors.FirstOrDefault(c => c.Get("homeAway").String() == "away");
        if (home.ValueKind != JsonValueKind.Object || away.ValueKind != JsonValueKind.Object)
        {
            throw new BadGameException($"event {id} lacks a home or an away competitor");
        }

        var dateText = competition.Get("date").String() ?? item.Get("date").String() ?? throw new BadGameException($"event {id} has no date");
        var start = DateTimeOffset.Parse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var timeValid = (competition.Get("timeValid") ?? item.Get("timeValid"))?.ValueKind != JsonValueKind.False;

        var status = competition.Get("status") ?? item.Get("status") ?? throw new BadGameException($"event {id} has no status");
        var state = MapState(status.Get("type").Get("name").String(), status.Get("type").Get("state").String())
            ?? throw new BadGameException($"event {id} has an unknown status '{status.Get("type").Get("name").String()}'");
        var period = status.Get("period").Short();
        var scored = state is not (GameState.Scheduled or GameState.Postponed or GameState.Canceled);

        var season = item.Get("season");
        var venue = competition.Get("venue") ?? summaryVenue;
        var (homeTeam, homePlaceholder) = Side(home, id);
        var (awayTeam, awayPlaceholder) = Side(away, id);
        var headlines = competition.Get("notes").Items().Select(n => n.Get("headline").String()).OfType<string>().ToList();
        var tournament = headlines.Select(EspnTournamentNotes.Parse).FirstOrDefault(n => n is not null);
        var game = new GameUpsert
        {
            ExternalId = id,
            StartTime = timeValid ? start : null,
            GameDate = EasternCalendar.DateOf(start),
            State = state,
            Period = scored && period > 0 ? period : null,
            // The clock only means something while the ball can be in play; ESPN sends "0:00" before and after.
            Clock = state is GameState.Live or GameState.Delayed ? status.Get("displayClock").String() : null,
            Detail = status.Get("type").Get("detail").String(),
            HomeTeamId = null,
            AwayTeamId = null,
            HomePlaceholder = homePlaceholder,
            AwayPlaceholder = awayPlaceholder,
            HomeScore = scored ? home.Get("score").Short() : null,
            AwayScore = scored ? away.Get("score").Short() : null,
            HomeLineScores = LineScores(home),
            AwayLineScores = LineScores(away),
            HomeRank = Rank(home),
            AwayRank = Rank(away),
            HomeSeed = Seed(home),
            AwaySeed = Seed(away),
            HomeRecord = Record(home),
            AwayRecord = Record(away),
            VenueName = venue.Get("fullName").String(),
            VenueCity = venue.Get("address").Get("city").String(),
            VenueState = venue.Get("address").Get("state").String(),
            NeutralSite = competition.Get("neutralSite").Bool(),
            ConferenceGame = competition.Get("conferenceCompetition").Bool(),
            Broadcast = Broadcast(competition),
            Season = season.Get("year").Short() ?? (short)Season.Of(start),
            SeasonType = season.Get("type").Number() switch
            {
                1 => "preseason",
                3 => "postseason",
                _ => "regular",
            },
            Notes = headlines.Count > 0 ? string.Join(" - ", headlines) : null,
            Tournament = tournament?.Tournament,
            TournamentRegion = tournament?.Region,
            TournamentRound = tournament?.Round,
            HomeSpread = HomeSpread(competition),
            OverUnder = OverUnder(competition),
        };
        return (new FeedGame(game, homeTeam?.ExternalId, awayTeam?.ExternalId), homeTeam, awayTeam);
    }

    /// <summary>ESPN's status names first; its coarse pre/in/post state for names we have not met.</summary>
    public static string? MapState(string? name, string? state) => name switch
    {
        "STATUS_SCHEDULED" or "STATUS_TBD" => GameState.Scheduled,
        "STATUS_IN_PROGRESS" or "STATUS_END_PERIOD" or "STATUS_FIRST_HALF" or "STATUS_SECOND_HALF" or "STATUS_OVERTIME" => GameState.Live,
        "STATUS_HALFTIME" => GameState.Halftime,
        "STATUS_FINAL" or "STATUS_FINAL_OT" or "STATUS_FULL_TIME" => GameState.Final,
        "STATUS_POSTPONED" => GameState.Postponed,
        "STATUS_CANCELED" or "STATUS_CANCELLED" or "STATUS_FORFEIT" => GameState.Canceled,
        "STATUS_DELAYED" or "STATUS_RAIN_DELAY" or "STATUS_SUSPENDED" => GameState.Delayed,
        _ => state switch
        {
            "pre" => GameState.Scheduled,
            "in" => GameState.Live,
            "post" => GameState.Final,
            _ => null,
        },
    };

    /// <summary>The competitor's team, or (null, its label) for a bracket placeholder, which never becomes a team.</summary>
    private static (FeedTeam? Team, string? Placeholder) Side(ShapedJson competitor, string eventId)
    {
        var team = competitor.Get("team");
        var id = team.Get("id").String() ?? competitor.Get("id").String();
        var name = team.Get("displayName").String();
        if (Placeholders.IsPlaceholderId(id) || Placeholders.IsPlaceholderName(name))
        {
            return (null, Placeholders.Label(name));
        }

        return (Team(team, id ?? throw new BadGameException($"event {eventId} has a team without an id"), name, eventId), null);
    }

    private static FeedTeam Team(ShapedJson? team, string id, string? name, string eventId)
    {
        var displayName = name ?? throw new BadGameException($"event {eventId}: team {id} has no name");
        return new FeedTeam(
            ExternalId: id,
            DisplayName: displayName,
            ShortName: team.Get("shortDisplayName").String() ?? team.Get("location").String() ?? displayName,
            Location: team.Get("location").String(),
            Nickname: team.Get("name").String(),
            Abbreviation: team.Get("abbreviation").String(),
            PrimaryColor: team.Get("color").String(),
            SecondaryColor: team.Get("alternateColor").String(),
            LogoUrl: team.Get("logo").String() ?? team.Get("logos").Items().FirstOrDefault().Get("href").String());
    }

    private static short[]? LineScores(ShapedJson competitor)
    {
        var values = competitor.Get("linescores").Items()
            .Select(l => (l.Get("value") ?? l.Get("displayValue")).Short())
            .ToList();
        return values.Count == 0 || values.Any(v => v is null) ? null : [.. values.Select(v => v!.Value)];
    }

    private static short? Rank(ShapedJson competitor) =>
        (competitor.Get("curatedRank").Get("current") ?? competitor.Get("rank")).Short() is { } rank and > 0 and < Unranked ? rank : null;

    private static short? Seed(ShapedJson competitor) =>
        (competitor.Get("seed") ?? competitor.Get("tournamentSeed")).Short() is { } seed and > 0 ? seed : null;

    private static string? Record(ShapedJson competitor)
    {
        var records = (competitor.Get("records") ?? competitor.Get("record")).Items().ToList();
        var overall = records.FirstOrDefault(r => r.Get("type").String() == "total" || r.Get("name").String() == "overall");
        return overall.Get("summary").String();
    }

    /// <summary>
    /// The home team's line from <c>odds[0].spread</c>, which ESPN states from the home side ("BYU -3.5" with BYU at
    /// home is -3.5; "ARIZ -3.5" with Arizona away is 3.5). A line whose sign contradicts the favourite flags, or one
    /// out of any sane range, is dropped rather than trusted: no line is better than a backwards one.
    /// </summary>
    private static decimal? HomeSpread(ShapedJson competition)
    {
        var odds = competition.Get("odds").Items().FirstOrDefault();
        if (odds.Get("spread").Number() is not { } spread || Math.Abs(spread) >= 100)
        {
            return null;
        }

        var homeFavoured = odds.Get("homeTeamOdds").Get("favorite").Bool();
        var awayFavoured = odds.Get("awayTeamOdds").Get("favorite").Bool();
        var contradicted = (homeFavoured && spread > 0) || (awayFavoured && spread < 0) || (homeFavoured && awayFavoured);
        return contradicted ? null : Math.Round(spread, 1, MidpointRounding.AwayFromZero);
    }

    private static decimal? OverUnder(ShapedJson competition) =>
        competition.Get("odds").Items().FirstOrDefault().Get("overUnder").Number() is { } total and > 0 and < 1000
            ? Math.Round(total, 1, MidpointRounding.AwayFromZero)
            : null;

    private static string? Broadcast(ShapedJson competition)
    {
        if (competition.Get("broadcast").String() is { } single)
        {
            return single;
        }

        var names = competition.Get("broadcasts").Items()
            .SelectMany(b => b.Get("names") is { } list ? NamesOf(list) : [b.Get("media").Get("shortName").String()])
            .OfType<string>()
            .Distinct()
            .ToList();
        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    // "names" that is not an array makes the game unreadable, with the message JsonElement.EnumerateArray gave.
    private static IEnumerable<string?> NamesOf(ShapedJson names) => names.ValueKind == JsonValueKind.Array
        ? names.Items.Select(n => ((ShapedJson?)n).String())
        : throw new InvalidOperationException($"The requested operation requires an element of type 'Array', but the target element has type '{names.ValueKind}'.");
}
