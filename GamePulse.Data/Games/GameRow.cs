using LinqToDB.Mapping;

namespace GamePulse.Data.Games;

/// <summary>
/// The games table as stored. Pages read <see cref="GameSummary"/> (the game with both teams); the Worker writes rows
/// through <see cref="GameRepository.UpsertAsync"/>, never through this type.
/// </summary>
[Table("games")]
public sealed record GameRow
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; init; }

    [Column("league_id")]
    public short LeagueId { get; init; }

    [Column("espn_id")]
    public string? EspnId { get; init; }

    [Column("ncaa_id")]
    public string? NcaaId { get; init; }

    [Column("start_time")]
    public DateTimeOffset? StartTime { get; init; }

    [Column("game_date")]
    public DateOnly GameDate { get; init; }

    [Column("state")]
    public required string State { get; init; }

    [Column("period")]
    public short? Period { get; init; }

    [Column("clock")]
    public string? Clock { get; init; }

    [Column("detail")]
    public string? Detail { get; init; }

    /// <summary>Null while the side is a placeholder (a bracket slot whose team is not known yet).</summary>
    [Column("home_team_id")]
    public int? HomeTeamId { get; init; }

    [Column("away_team_id")]
    public int? AwayTeamId { get; init; }

    [Column("home_placeholder")]
    public string? HomePlaceholder { get; init; }

    [Column("away_placeholder")]
    public string? AwayPlaceholder { get; init; }

    [Column("home_score")]
    public short? HomeScore { get; init; }

    [Column("away_score")]
    public short? AwayScore { get; init; }

    [Column("home_line_scores")]
    public short[]? HomeLineScores { get; init; }

    [Column("away_line_scores")]
    public short[]? AwayLineScores { get; init; }

    [Column("home_rank")]
    public short? HomeRank { get; init; }

    [Column("away_rank")]
    public short? AwayRank { get; init; }

    [Column("home_seed")]
    public short? HomeSeed { get; init; }

    [Column("away_seed")]
    public short? AwaySeed { get; init; }

    [Column("home_record")]
    public string? HomeRecord { get; init; }

    [Column("away_record")]
    public string? AwayRecord { get; init; }

    [Column("venue_name")]
    public string? VenueName { get; init; }

    [Column("venue_city")]
    public string? VenueCity { get; init; }

    [Column("venue_state")]
    public string? VenueState { get; init; }

    [Column("neutral_site")]
    public bool NeutralSite { get; init; }

    [Column("conference_game")]
    public bool ConferenceGame { get; init; }

    [Column("broadcast")]
    public string? Broadcast { get; init; }

    [Column("season")]
    public short Season { get; init; }

    [Column("season_type")]
    public required string SeasonType { get; init; }

    [Column("notes")]
    public string? Notes { get; init; }

    [Column("tournament")]
    public string? Tournament { get; init; }

    [Column("tournament_region")]
    public string? TournamentRegion { get; init; }

    [Column("tournament_round")]
    public string? TournamentRound { get; init; }

    [Column("bracket_id")]
    public int? BracketId { get; init; }

    [Column("home_spread")]
    public decimal? HomeSpread { get; init; }

    [Column("over_under")]
    public decimal? OverUnder { get; init; }

    [Column("pulse_score")]
    public short? PulseScore { get; init; }

    [Column("pulse_factors")]
    public string[]? PulseFactors { get; init; }

    [Column("pulse_updated_at")]
    public DateTimeOffset? PulseUpdatedAt { get; init; }

    [Column("created_at", SkipOnInsert = true)]
    public DateTimeOffset CreatedAt { get; init; }

    [Column("updated_at", SkipOnInsert = true)]
    public DateTimeOffset UpdatedAt { get; init; }
}
