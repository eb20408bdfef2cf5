using LinqToDB.Mapping;

namespace GamePulse.Data.Conferences;

[Table("conferences")]
public sealed record Conference
{
    [Column("id"), PrimaryKey, Identity]
    public int Id { get; init; }

    [Column("league_id")]
    public short LeagueId { get; init; }

    [Column("slug")]
    public required string Slug { get; init; }

    [Column("name")]
    public required string Name { get; init; }

    [Column("short_name")]
    public required string ShortName { get; init; }

    [Column("active")]
    public bool Active { get; init; }
}
