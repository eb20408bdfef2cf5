using LinqToDB.Mapping;

namespace GamePulse.Data.Leagues;

[Table("leagues")]
public sealed record League
{
    /// <summary>
    /// The core schema seeds the two leagues with fixed ids, codes and slugs (0001_core_schema.sql); the site's
    /// navigation links them and the women's game format is chosen by the id.
    /// </summary>
    public const short WomensId = 2;

    public const string MensSlug = "mens-college-basketball";

    public const string WomensSlug = "womens-college-basketball";

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
