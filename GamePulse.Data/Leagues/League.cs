using LinqToDB.Mapping;

namespace GamePulse.Data.Leagues;

[Table("leagues")]
public sealed record League
{
    [Column("id"), PrimaryKey]
    public short Id { get; init; }

    [Column("code")]
    public required string Code { get; init; }

    [Column("name")]
    public required string Name { get; init; }

    [Column("short_name")]
    public required string ShortName { get; init; }

    [Column("slug")]
    public required string Slug { get; init; }

    [Column("espn_path")]
    public required string EspnPath { get; init; }

    [Column("ncaa_sport")]
    public required string NcaaSport { get; init; }

    [Column("sort_order")]
    public short SortOrder { get; init; }
}
