using GamePulse.Worker.Ingestion.Espn;

namespace GamePulse.Worker.Ingestion.Summaries;

/// <summary>
/// Every field <see cref="EspnSummaryParser"/> reads from a <c>summary?event=</c> payload: the scoreboard parser's
/// header fields plus the box score, plays, win probability and leaders. News, videos, standings, odds history and
/// each play's participants and coordinates (over half of the bytes) are skipped unread (decision 0106).
/// </summary>
internal static class EspnSummaryShape
{
    private static readonly JsonShape Athlete = JsonShape.Keep("id", "displayName", "shortName", "jersey")
        .With("position", JsonShape.Keep("abbreviation"));

    private static readonly JsonShape Boxscore = JsonShape.Keep()
        .With("teams", JsonShape.Keep("homeAway")
            .With("team", JsonShape.Keep("id"))
            .With("statistics", JsonShape.Keep("name", "displayValue")))
        .With("players", JsonShape.Keep()
            .With("team", JsonShape.Keep("id"))
            .With("statistics", JsonShape.Keep("keys", "totals")
                .With("athletes", JsonShape.Keep("starter", "didNotPlay", "reason", "ejected", "stats").With("athlete", Athlete))));

    private static readonly JsonShape Play = JsonShape.Keep("id", "sequenceNumber", "text", "awayScore", "homeScore", "scoringPlay", "scoreValue", "wallclock", "shootingPlay")
        .With("type", JsonShape.Keep("text"))
        .With("period", JsonShape.Keep("number"))
        .With("clock", JsonShape.Keep("displayValue"))
        .With("team", JsonShape.Keep("id"));

    private static readonly JsonShape Leaders = JsonShape.Keep()
        .With("team", JsonShape.Keep("id", "abbreviation"))
        .With("leaders", JsonShape.Keep("name", "displayName")
            .With("leaders", JsonShape.Keep("displayValue", "summary")
                .With("athlete", Athlete)
                .With("mainStat", JsonShape.Keep("value"))));

    public static readonly JsonShape Payload = EspnPayloadShape.Payload
        .With("boxscore", Boxscore)
        .With("plays", Play)
        .With("winprobability", JsonShape.Keep("playId", "homeWinPercentage"))
        .With("leaders", Leaders);
}
