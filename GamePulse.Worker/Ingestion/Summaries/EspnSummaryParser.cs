using System.Globalization;
using System.Text.Json;
using GamePulse.Data.Games.Detail;
using GamePulse.Data.Leagues;
using GamePulse.Worker.Ingestion.Espn;

namespace GamePulse.Worker.Ingestion.Summaries;

/// <summary>A summary read in our terms: its game (the header, as a one-game scoreboard) and its detail.</summary>
public sealed record ParsedSummary(ParsedScoreboard Game, GameDetailUpsert Detail, CardLines Card);

/// <summary>
/// Reads an ESPN <c>summary?event=</c> payload in one pass over the fields of <see cref="EspnSummaryShape"/>. The
/// header goes through the scoreboard parser; box score, plays, win probability and leaders are read leniently: an
/// entry that cannot be read is dropped, never the summary (a game's score must not wait on a malformed play).
/// </summary>
public static class EspnSummaryParser
{
    private const int MaxDepth = 128;

    public static ParsedSummary Parse(ReadOnlyMemory<byte> body, League league)
    {
        if (body.IsEmpty || body.Span.Trim(" \r\n\t"u8).IsEmpty)
        {
            throw new PayloadException("Payload is empty.");
        }

        ShapedJson root;
        try
        {
            root = EspnSummaryShape.Payload.Read(body, MaxDepth);
        }
        catch (JsonException ex)
        {
            throw new PayloadException($"Payload is not valid JSON (truncated or not JSON): {ex.Message}", ex);
        }

        if (root.ValueKind != JsonValueKind.Object || root.Get("header") is null)
        {
            throw new PayloadException("Payload is not an ESPN game summary (no header).");
        }

        ParsedScoreboard game;
        try
        {
            game = EspnScoreboardParser.Parse(root, league);
        }
        catch (InvalidOperationException ex)
        {
            throw new PayloadException($"ESPN summary cannot be read: {ex.Message}", ex);
        }

        var sides = Sides(root);
        var plays = Plays(root, sides);
        var leaders = Leaders(root, sides);
        var detail = new GameDetailUpsert(Teams(root, sides), Players(root, sides), plays, leaders);
        return new ParsedSummary(game, detail, Card(plays, leaders, root));
    }

    /// <summary>ESPN team id → home/away, from the header's competitors.</summary>
    private static Dictionary<string, string> Sides(ShapedJson root) =>
        root.Get("header").Get("competitions").Items().FirstOrDefault().Get("competitors").Items()
            .Select(c => (Id: c.Get("team").Get("id").String() ?? c.Get("id").String(), Side: c.Get("homeAway").String()))
            .Where(c => c.Id is not null && c.Side is GameSide.Home or GameSide.Away)
            .DistinctBy(c => c.Id)
            .ToDictionary(c => c.Id!, c => c.Side!, StringComparer.Ordinal);

    private static List<TeamBoxLine> Teams(ShapedJson root, Dictionary<string, string> sides)
    {
        var points = root.Get("boxscore").Get("players").Items()
            .Select(p => (Side: SideOf(p.Get("team").Get("id").String(), sides), Stats: p.Get("statistics").Items().FirstOrDefault()))
            .Where(p => p.Side is not null)
            .ToDictionary(p => p.Side!, p => Column(p.Stats.Get("keys"), p.Stats.Get("totals"), "points").Short(), StringComparer.Ordinal);
        var lines = new List<TeamBoxLine>();
        foreach (var team in root.Get("boxscore").Get("teams").Items())
        {
            var named = team.Get("homeAway").String();
            var side = named is GameSide.Home or GameSide.Away ? named : SideOf(team.Get("team").Get("id").String(), sides);
            var stats = team.Get("statistics").Items()
                .Select(s => (Name: s.Get("name").String(), Value: s.Get("displayValue")))
                .Where(s => s.Name is not null)
                .DistinctBy(s => s.Name)
                .ToDictionary(s => s.Name!, s => s.Value, StringComparer.Ordinal);
            // A pre-game summary's team statistics are season averages (avgPoints…): no field goals, so no box score.
            if (side is null || !stats.ContainsKey("fieldGoalsMade-fieldGoalsAttempted"))
            {
                continue;
            }

            var (fgm, fga) = MadeAttempted(Stat("fieldGoalsMade-fieldGoalsAttempted"));
            var (tpm, tpa) = MadeAttempted(Stat("threePointFieldGoalsMade-threePointFieldGoalsAttempted"));
            var (ftm, fta) = MadeAttempted(Stat("freeThrowsMade-freeThrowsAttempted"));
            lines.Add(new TeamBoxLine
            {
                Side = side,
                Points = points.GetValueOrDefault(side),
                Fgm = fgm,
                Fga = fga,
                Tpm = tpm,
                Tpa = tpa,
                Ftm = ftm,
                Fta = fta,
                Oreb = Stat("offensiveRebounds").Short(),
                Dreb = Stat("defensiveRebounds").Short(),
                Reb = Stat("totalRebounds").Short(),
                Ast = Stat("assists").Short(),
                Stl = Stat("steals").Short(),
                Blk = Stat("blocks").Short(),
                // Team turnovers (shot-clock violations and the like) count in the team's total, as box scores print it.
                Tov = (Stat("totalTurnovers") ?? Stat("turnovers")).Short(),
                Pf = Stat("fouls").Short(),
                LargestLead = Stat("largestLead").Short(),
                FastBreakPoints = Stat("fastBreakPoints").Short(),
                PointsInPaint = Stat("pointsInPaint").Short(),
                TurnoverPoints = Stat("turnoverPoints").Short(),
            });

            ShapedJson? Stat(string name) => stats.GetValueOrDefault(name);
        }

        return [.. lines.DistinctBy(l => l.Side)];
    }

    private static List<PlayerLine> Players(ShapedJson root, Dictionary<string, string> sides)
    {
        var lines = new List<PlayerLine>();
        foreach (var team in root.Get("boxscore").Get("players").Items())
        {
            if (SideOf(team.Get("team").Get("id").String(), sides) is not { } side)
            {
                continue;
            }

            var stats = team.Get("statistics").Items().FirstOrDefault();
            var keys = stats.Get("keys");
            short order = 0;
            foreach (var entry in stats.Get("athletes").Items())
            {
                var athlete = entry.Get("athlete");
                if (athlete.Get("id").String() is not { } id || athlete.Get("displayName").String() is not { } name)
                {
                    continue;
                }

                var values = entry.Get("stats");
                var (fgm, fga) = MadeAttempted(Column(keys, values, "fieldGoalsMade-fieldGoalsAttempted"));
                var (tpm, tpa) = MadeAttempted(Column(keys, values, "threePointFieldGoalsMade-threePointFieldGoalsAttempted"));
                var (ftm, fta) = MadeAttempted(Column(keys, values, "freeThrowsMade-freeThrowsAttempted"));
                lines.Add(new PlayerLine
                {
                    AthleteId = id,
                    Side = side,
                    SortOrder = order++,
                    DisplayName = name,
                    ShortName = athlete.Get("shortName").String(),
                    Jersey = athlete.Get("jersey").String(),
                    Position = athlete.Get("position").Get("abbreviation").String(),
                    Starter = entry.Get("starter").Bool(),
                    DidNotPlay = entry.Get("didNotPlay").Bool(),
                    DnpReason = entry.Get("reason").String(),
                    Ejected = entry.Get("ejected").Bool(),
                    Minutes = Column(keys, values, "minutes").Short(),
                    Points = Column(keys, values, "points").Short(),
                    Oreb = Column(keys, values, "offensiveRebounds").Short(),
                    Dreb = Column(keys, values, "defensiveRebounds").Short(),
                    Reb = Column(keys, values, "rebounds").Short(),
                    Ast = Column(keys, values, "assists").Short(),
                    Stl = Column(keys, values, "steals").Short(),
                    Blk = Column(keys, values, "blocks").Short(),
                    Tov = Column(keys, values, "turnovers").Short(),
                    Pf = Column(keys, values, "fouls").Short(),
                    Fgm = fgm,
                    Fga = fga,
                    Tpm = tpm,
                    Tpa = tpa,
                    Ftm = ftm,
                    Fta = fta,
                });
            }
        }

        // A player listed twice keeps the first line: the key is the athlete id, and one statement cannot write a key twice.
        return [.. lines.DistinctBy(l => l.AthleteId)];
    }

    private static List<PlayLine> Plays(ShapedJson root, Dictionary<string, string> sides)
    {
        var winProbability = root.Get("winprobability").Items()
            .Select(w => (Id: w.Get("playId").String(), Home: w.Get("homeWinPercentage").Number()))
            .Where(w => w.Id is not null && w.Home is >= 0 and <= 1)
            .DistinctBy(w => w.Id)
            .ToDictionary(w => w.Id!, w => Math.Round(w.Home!.Value, 3, MidpointRounding.AwayFromZero), StringComparer.Ordinal);
        var plays = new List<PlayLine>();
        foreach (var play in root.Get("plays").Items())
        {
            if (play.Get("id").String() is not { } id || play.Get("period").Get("number").Short() is not { } period || play.Get("text").String() is not { } text)
            {
                continue;
            }

            var sequence = long.TryParse(play.Get("sequenceNumber").String(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : plays.Count;
            var type = play.Get("type").Get("text").String();
            plays.Add(new PlayLine
            {
                PlayId = id,
                Sequence = sequence,
                Period = period,
                Clock = play.Get("clock").Get("displayValue").String(),
                Side = SideOf(play.Get("team").Get("id").String(), sides),
                TypeText = type,
                Text = text,
                Scoring = play.Get("scoringPlay").Bool(),
                ScoreValue = play.Get("scoreValue").Short() ?? 0,
                AwayScore = play.Get("awayScore").Short() ?? 0,
                HomeScore = play.Get("homeScore").Short() ?? 0,
                ShotType = play.Get("shootingPlay").Bool() ? type : null,
                Wallclock = DateTimeOffset.TryParse(play.Get("wallclock").String(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null,
                HomeWinPct = winProbability.TryGetValue(id, out var home) ? home : null,
            });
        }

        // The feed's order is the game's order; sequence numbers of late-entered plays are lower than their neighbours'.
        return [.. plays.DistinctBy(p => p.PlayId).Select((p, i) => p with { Ordinal = i })];
    }

    private static List<LeaderLine> Leaders(ShapedJson root, Dictionary<string, string> sides)
    {
        var lines = new List<LeaderLine>();
        foreach (var team in root.Get("leaders").Items())
        {
            if (SideOf(team.Get("team").Get("id").String(), sides) is not { } side)
            {
                continue;
            }

            foreach (var category in team.Get("leaders").Items())
            {
                var leader = category.Get("leaders").Items().FirstOrDefault();
                var athlete = leader.Get("athlete");
                if (category.Get("name").String() is not { } name || athlete.Get("id").String() is not { } id
                    || athlete.Get("displayName").String() is not { } athleteName || leader.Get("displayValue").String() is not { } value)
                {
                    continue;
                }

                lines.Add(new LeaderLine
                {
                    Side = side,
                    Category = name,
                    CategoryLabel = category.Get("displayName").String() ?? name,
                    AthleteId = id,
                    AthleteName = athleteName,
                    DisplayValue = value,
                    Value = leader.Get("mainStat").Get("value").Number() is { } main and > -100_000 and < 100_000 ? Math.Round(main, 1) : null,
                    Summary = leader.Get("summary").String(),
                });
            }
        }

        return [.. lines.DistinctBy(l => (l.Side, l.Category))];
    }

    /// <summary>The card's two lines: the latest play, and the game's top scorer ("Karasinski (BELL) 31 pts").</summary>
    private static CardLines Card(List<PlayLine> plays, List<LeaderLine> leaders, ShapedJson root)
    {
        var last = plays.Count > 0 ? plays[^1] : null;
        var top = leaders.Where(l => l.Category == "points" && l.Value is not null).OrderByDescending(l => l.Value).FirstOrDefault();
        string? leaderText = null;
        if (top is not null)
        {
            var abbreviation = root.Get("leaders").Items()
                .Where(t => SideOf(t.Get("team").Get("id").String(), Sides(root)) == top.Side)
                .Select(t => t.Get("team").Get("abbreviation").String())
                .FirstOrDefault();
            leaderText = $"{top.AthleteName}{(abbreviation is null ? "" : $" ({abbreviation})")} {top.DisplayValue} pts";
        }

        return new CardLines(last?.Text, last?.Period, last?.Clock, leaderText);
    }

    private static string? SideOf(string? teamId, Dictionary<string, string> sides) => teamId is not null && sides.TryGetValue(teamId, out var side) ? side : null;

    /// <summary>The value of a named column in a row of ESPN's parallel keys/stats arrays.</summary>
    private static ShapedJson? Column(ShapedJson? keys, ShapedJson? values, string key)
    {
        var index = 0;
        foreach (var name in keys.Items())
        {
            if (((ShapedJson?)name).String() == key)
            {
                return values.Items().Skip(index).Cast<ShapedJson?>().FirstOrDefault();
            }

            index++;
        }

        return null;
    }

    /// <summary>"5-11" → (5, 11); anything else → (null, null).</summary>
    private static (short? Made, short? Attempted) MadeAttempted(ShapedJson? value)
    {
        var parts = value.String()?.Split('-');
        return parts is [var made, var attempted]
            && short.TryParse(made, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && short.TryParse(attempted, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            ? (m, a)
            : (null, null);
    }
}
