using LinqToDB.Mapping;

namespace GamePulse.Data.Games.Detail;

/// <summary>
/// One row per game that has detail: when any of it last changed (live pages' validator) and the two lines a
/// scoreboard card of a live game shows, kept here so the scoreboard reads them with one join.
/// </summary>
[Table("game_details")]
public sealed record GameDetailRow
{
    [Column("game_id"), PrimaryKey]
    public long GameId { get; init; }

    [Column("source")]
    public required string Source { get; init; }

    [Column("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    [Column("last_play_text")]
    public string? LastPlayText { get; init; }

    [Column("last_play_period")]
    public short? LastPlayPeriod { get; init; }

    [Column("last_play_clock")]
    public string? LastPlayClock { get; init; }

    [Column("leader_text")]
    public string? LeaderText { get; init; }
}
