namespace GamePulse.Data.Leagues;

public sealed record League
{
    /// <summary>
    /// The core schema seeds the two leagues with fixed ids, codes and slugs (0001_core_schema.sql); the site's
    /// navigation links them and the women's game format is chosen by the id.
    /// </summary>
    public const short WomensId = 2;

    public const string MensSlug = "mens-college-basketball";

    public const string WomensSlug = "womens-college-basketball";

    public short Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string ShortName { get; init; }
    public required string Slug { get; init; }
    public required string EspnPath { get; init; }
    public required string NcaaSport { get; init; }
}
