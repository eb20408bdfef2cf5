using GamePulse.Data.Pulse;

namespace GamePulse.Tests.Data.Pulse;

[TestClass]
public sealed class GameFormatTests
{
    [TestMethod]
    [DataRow("12:34", 754.0)]
    [DataRow("1:12", 72.0)]
    [DataRow("12:34.5", 754.5)]
    [DataRow("45.2", 45.2)]
    [DataRow("0:00", 0.0)]
    [DataRow(" 5:09 ", 309.0)]
    public void Reads_the_clock_formats_the_feeds_use(string clock, double seconds) =>
        Assert.AreEqual(seconds, GameFormat.ParseClock(clock)!.Value, 1e-9);

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("Halftime")]
    [DataRow("1:2:3")]
    [DataRow("-1:00")]
    [DataRow("3:75")]
    public void An_unreadable_clock_is_null(string? clock) => Assert.IsNull(GameFormat.ParseClock(clock));

    [TestMethod]
    public void Progress_runs_from_zero_at_tip_off_to_one_at_the_end_of_regulation()
    {
        Assert.AreEqual(0.0, GameFormat.Mens.Progress(1, "20:00"));
        Assert.AreEqual(0.5, GameFormat.Mens.Progress(1, "0:00"));
        Assert.AreEqual(0.75, GameFormat.Mens.Progress(2, "10:00"));
        Assert.AreEqual(0.75, GameFormat.Womens.Progress(3, "0:00"));
        Assert.AreEqual(1.0, GameFormat.Womens.Progress(5, "4:00"), "overtime");
        Assert.AreEqual(0.0, GameFormat.Mens.Progress(0, "0:00"), "not started");
        Assert.AreEqual(0, GameFormat.Mens.OvertimeCount(2), "GameFormat.Mens.OvertimeCount(2)");
        Assert.AreEqual(1, GameFormat.Mens.OvertimeCount(3), "GameFormat.Mens.OvertimeCount(3)");
        Assert.AreEqual(1, GameFormat.Womens.OvertimeCount(5), "GameFormat.Womens.OvertimeCount(5)");
    }
}
