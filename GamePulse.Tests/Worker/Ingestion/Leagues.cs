using GamePulse.Data.Leagues;

namespace GamePulse.Tests.Worker.Ingestion;

/// <summary>The two seeded leagues as the repository returns them (ids and paths from 0001_core_schema.sql).</summary>
public static class Leagues
{
    public static League Mens { get; } = new()
    {
        Id = 1,
        Code = "mens",
        Name = "NCAA Men's Basketball",
        ShortName = "Men's",
        Slug = "mens-college-basketball",
        EspnPath = "mens-college-basketball",
        NcaaSport = "basketball-men",
    };

    public static League Womens { get; } = new()
    {
        Id = 2,
        Code = "womens",
        Name = "NCAA Women's Basketball",
        ShortName = "Women's",
        Slug = "womens-college-basketball",
        EspnPath = "womens-college-basketball",
        NcaaSport = "basketball-women",
    };
}
