using System.Text.Json.Serialization;
using LinqToDB.Mapping;

namespace GamePulse.Data.Games.Detail;

/// <summary>The side of a game a line belongs to, as stored ('home' or 'away').</summary>
public static class GameSide
{
    public const string Home = "home";
    public const string Away = "away";
}

/// <summary>A team's box score totals.</summary>
[Table("game_team_stats")]
public sealed record TeamBoxLine
{
    /// <summary>The game the line belongs to: set by reads; writes take the game id as a parameter, so it is not serialized.</summary>
    [Column("game_id"), PrimaryKey(0), JsonIgnore]
    public long GameId { get; init; }

    [Column("side"), PrimaryKey(1)]
    public required string Side { get; init; }

    [Column("points")]
    public short? Points { get; init; }

    [Column("fgm")]
    public short? Fgm { get; init; }

    [Column("fga")]
    public short? Fga { get; init; }

    [Column("tpm")]
    public short? Tpm { get; init; }

    [Column("tpa")]
    public short? Tpa { get; init; }

    [Column("ftm")]
    public short? Ftm { get; init; }

    [Column("fta")]
    public short? Fta { get; init; }

    [Column("oreb")]
    public short? Oreb { get; init; }

    [Column("dreb")]
    public short? Dreb { get; init; }

    [Column("reb")]
    public short? Reb { get; init; }

    [Column("ast")]
    public short? Ast { get; init; }

    [Column("stl")]
    public short? Stl { get; init; }

    [Column("blk")]
    public short? Blk { get; init; }

    [Column("tov")]
    public short? Tov { get; init; }

    [Column("pf")]
    public short? Pf { get; init; }

    [Column("largest_lead")]
    public short? LargestLead { get; init; }

    [Column("fast_break_points")]
    public short? FastBreakPoints { get; init; }

    [Column("points_in_paint")]
    public short? PointsInPaint { get; init; }

    [Column("turnover_points")]
    public short? TurnoverPoints { get; init; }
}

/// <summary>One player's line, keyed by the feed's athlete id. Counts are null for a player who has not played (yet).</summary>
[Table("game_player_stats")]
public sealed record PlayerLine
{
    /// <summary>The game the line belongs to: set by reads; writes take the game id as a parameter, so it is not serialized.</summary>
    [Column("game_id"), PrimaryKey(0), JsonIgnore]
    public long GameId { get; init; }

    [Column("athlete_id"), PrimaryKey(1)]
    public required string AthleteId { get; init; }

    [Column("side")]
    public required string Side { get; init; }

    [Column("sort_order")]
    public required short SortOrder { get; init; }

    [Column("display_name")]
    public required string DisplayName { get; init; }

    [Column("short_name")]
    public string? ShortName { get; init; }

    [Column("jersey")]
    public string? Jersey { get; init; }

    [Column("position")]
    public string? Position { get; init; }

    [Column("starter")]
    public bool Starter { get; init; }

    [Column("did_not_play")]
    public bool DidNotPlay { get; init; }

    [Column("dnp_reason")]
    public string? DnpReason { get; init; }

    [Column("ejected")]
    public bool Ejected { get; init; }

    [Column("minutes")]
    public short? Minutes { get; init; }

    [Column("points")]
    public short? Points { get; init; }

    [Column("oreb")]
    public short? Oreb { get; init; }

    [Column("dreb")]
    public short? Dreb { get; init; }

    [Column("reb")]
    public short? Reb { get; init; }

    [Column("ast")]
    public short? Ast { get; init; }

    [Column("stl")]
    public short? Stl { get; init; }

    [Column("blk")]
    public short? Blk { get; init; }

    [Column("tov")]
    public short? Tov { get; init; }

    [Column("pf")]
    public short? Pf { get; init; }

    [Column("fgm")]
    public short? Fgm { get; init; }

    [Column("fga")]
    public short? Fga { get; init; }

    [Column("tpm")]
    public short? Tpm { get; init; }

    [Column("tpa")]
    public short? Tpa { get; init; }

    [Column("ftm")]
    public short? Ftm { get; init; }

    [Column("fta")]
    public short? Fta { get; init; }
}

/// <summary>One play, keyed by the feed's play id; the score is the score after it, the win probability ESPN's after it.</summary>
[Table("game_plays")]
public sealed record PlayLine
{
    /// <summary>The game the line belongs to: set by reads; writes take the game id as a parameter, so it is not serialized.</summary>
    [Column("game_id"), PrimaryKey(0), JsonIgnore]
    public long GameId { get; init; }

    [Column("play_id"), PrimaryKey(1)]
    public required string PlayId { get; init; }

    /// <summary>The play's position in the feed's list, which is the game's order (sequence numbers are not always increasing).</summary>
    [Column("ordinal")]
    public int Ordinal { get; init; }

    [Column("sequence")]
    public required long Sequence { get; init; }

    [Column("period")]
    public required short Period { get; init; }

    [Column("clock")]
    public string? Clock { get; init; }

    [Column("side")]
    public string? Side { get; init; }

    [Column("type_text")]
    public string? TypeText { get; init; }

    [Column("text")]
    public required string Text { get; init; }

    [Column("scoring")]
    public bool Scoring { get; init; }

    [Column("score_value")]
    public short ScoreValue { get; init; }

    [Column("away_score")]
    public short AwayScore { get; init; }

    [Column("home_score")]
    public short HomeScore { get; init; }

    [Column("shot_type")]
    public string? ShotType { get; init; }

    [Column("wallclock")]
    public DateTimeOffset? Wallclock { get; init; }

    [Column("home_win_pct")]
    public decimal? HomeWinPct { get; init; }
}

/// <summary>A team's leader in one category (points, rebounds, assists; season averages before tip-off).</summary>
[Table("game_leaders")]
public sealed record LeaderLine
{
    /// <summary>The game the line belongs to: set by reads; writes take the game id as a parameter, so it is not serialized.</summary>
    [Column("game_id"), PrimaryKey(0), JsonIgnore]
    public long GameId { get; init; }

    [Column("side"), PrimaryKey(1)]
    public required string Side { get; init; }

    [Column("category"), PrimaryKey(2)]
    public required string Category { get; init; }

    [Column("category_label")]
    public required string CategoryLabel { get; init; }

    [Column("athlete_id")]
    public required string AthleteId { get; init; }

    [Column("athlete_name")]
    public required string AthleteName { get; init; }

    [Column("display_value")]
    public required string DisplayValue { get; init; }

    [Column("value")]
    public decimal? Value { get; init; }

    [Column("summary")]
    public string? Summary { get; init; }
}

/// <summary>
/// Everything a summary says about a game beyond its header. An empty list means "the payload has none", which never
/// deletes what is stored (a pre-game summary has no plays; a truncated one must not blank a final's box score).
/// </summary>
public sealed record GameDetailUpsert(
    IReadOnlyList<TeamBoxLine> Teams,
    IReadOnlyList<PlayerLine> Players,
    IReadOnlyList<PlayLine> Plays,
    IReadOnlyList<LeaderLine> Leaders)
{
    public static GameDetailUpsert Empty { get; } = new([], [], [], []);

    public bool IsEmpty => Teams.Count == 0 && Players.Count == 0 && Plays.Count == 0 && Leaders.Count == 0;
}

/// <summary>Rows one store wrote, per table (0 everywhere when the summary repeated what is stored).</summary>
public sealed record DetailWriteResult(int TeamRows, int PlayerRows, int PlayRows, int PlaysRemoved, int LeaderRows, int DetailRows)
{
    public int Total => TeamRows + PlayerRows + PlayRows + PlaysRemoved + LeaderRows + DetailRows;

    public bool Changed => Total > 0;
}
