namespace GamePulse.Worker.Ingestion.Espn;

/// <summary>
/// Every field <see cref="EspnScoreboardParser"/> reads, and nothing else: a 150-game scoreboard is about 1.9 MB, over
/// half of it competitors' <c>leaders</c> and <c>statistics</c>, and a summary adds plays, box score and news. A field
/// the parser starts reading must be added here, or the parser sees it as missing.
/// </summary>
internal static class EspnPayloadShape
{
    private static readonly JsonShape Status = JsonShape.Keep("period", "displayClock")
        .With("type", JsonShape.Keep("name", "state", "detail"));

    private static readonly JsonShape Venue = JsonShape.Keep("fullName")
        .With("address", JsonShape.Keep("city", "state"));

    private static readonly JsonShape Team = JsonShape.Keep("id", "displayName", "shortDisplayName", "location", "name", "abbreviation", "color", "alternateColor", "logo")
        .With("logos", JsonShape.Keep("href"));

    private static readonly JsonShape Record = JsonShape.Keep("type", "name", "summary");

    private static readonly JsonShape Competitor = JsonShape.Keep("id", "homeAway", "score", "rank", "seed", "tournamentSeed")
        .With("team", Team)
        .With("linescores", JsonShape.Keep("value", "displayValue"))
        .With("curatedRank", JsonShape.Keep("current"))
        .With("records", Record)
        .With("record", Record);

    private static readonly JsonShape Odds = JsonShape.Keep("spread", "overUnder")
        .With("homeTeamOdds", JsonShape.Keep("favorite"))
        .With("awayTeamOdds", JsonShape.Keep("favorite"));

    private static readonly JsonShape Competition = JsonShape.Keep("date", "timeValid", "neutralSite", "conferenceCompetition", "broadcast")
        .With("competitors", Competitor)
        .With("status", Status)
        .With("venue", Venue)
        .With("notes", JsonShape.Keep("headline"))
        .With("odds", Odds)
        .With("broadcasts", JsonShape.Keep("names").With("media", JsonShape.Keep("shortName")));

    private static readonly JsonShape Event = JsonShape.Keep("id", "date", "timeValid")
        .With("competitions", Competition)
        .With("status", Status)
        .With("season", JsonShape.Keep("year", "type"));

    /// <summary>A scoreboard (<c>events</c>) or a summary (<c>header</c>, with its venue in <c>gameInfo</c>).</summary>
    public static readonly JsonShape Payload = JsonShape.Keep()
        .With("leagues", JsonShape.Keep("slug"))
        .With("day", JsonShape.Keep("date"))
        .With("events", Event)
        .With("header", Event.With("league", JsonShape.Keep("slug")))
        .With("gameInfo", JsonShape.Keep().With("venue", Venue));
}
