using GamePulse.Data.Leagues;

namespace GamePulse.Tests.Data.Leagues;

/// <summary>The season rule both feeds' parsers and the team and conference pages use.</summary>
[TestClass]
public sealed class SeasonTests
{
    [TestMethod]
    [DataRow(2024, 11, 4, 2025, "opening week belongs to the season ending next spring")]
    [DataRow(2024, 12, 31, 2025, "New Year's Eve")]
    [DataRow(2025, 1, 1, 2025, "New Year's Day: the same season")]
    [DataRow(2025, 4, 7, 2025, "the national final")]
    [DataRow(2025, 6, 30, 2025, "the last day before the cut-over")]
    [DataRow(2025, 7, 1, 2026, "July starts the next season")]
    [DataRow(2000, 1, 1, 2000, "the first year a URL may name")]
    public void A_season_is_named_by_the_year_it_ends_in(int year, int month, int day, int season, string why) =>
        Assert.AreEqual(season, Season.Of(new DateOnly(year, month, day)), why);

    [TestMethod]
    public void A_start_time_counts_by_its_Eastern_date_not_its_UTC_one()
    {
        // 10:30 PM ET on June 30 is already July 1 in UTC.
        var lateJune = new DateTimeOffset(2025, 7, 1, 2, 30, 0, TimeSpan.Zero);

        Assert.AreEqual(2025, Season.Of(lateJune), "June 30 Eastern is still the 2025 season");
        Assert.AreEqual(2026, Season.Of(lateJune.AddHours(4)), "July 1 Eastern is the 2026 season");
    }
}
