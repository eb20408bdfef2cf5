using GamePulse.Data.Pulse;

namespace GamePulse.Tests.Data.Pulse;

[TestClass]
public sealed class GameFlowTests
{
    private static GameFlow Flow(params (int Period, string Clock, int Home, int Away)[] points) =>
        GameFlow.From(points.Select(p => new FlowPoint(p.Period, p.Clock, p.Home, p.Away)), GameFormat.Mens);

    [TestMethod]
    public void Counts_lead_changes_through_ties_and_ties_after_a_lead()
    {
        var flow = Flow((1, "20:00", 0, 0), (1, "18:00", 2, 0), (1, "17:00", 2, 2), (1, "16:00", 2, 5), (1, "15:00", 7, 5), (1, "14:00", 7, 7));

        Assert.AreEqual(2, flow.LeadChanges, "home→away→home; 2-2 and 7-7 (0-0 at tip-off is no tie): flow.LeadChanges");
        Assert.AreEqual(2, flow.Ties, "home→away→home; 2-2 and 7-7 (0-0 at tip-off is no tie): flow.Ties");
    }

    [TestMethod]
    public void Tracks_each_sides_largest_deficit()
    {
        var flow = Flow((1, "10:00", 20, 6), (2, "5:00", 40, 41), (2, "1:00", 44, 50));

        Assert.AreEqual(14, flow.LargestAwayDeficit, "flow.LargestAwayDeficit");
        Assert.AreEqual(6, flow.LargestHomeDeficit, "flow.LargestHomeDeficit");
    }

    [TestMethod]
    public void A_run_is_points_by_one_side_while_the_other_scores_none()
    {
        var flow = Flow((1, "10:00", 20, 20), (1, "9:00", 23, 20), (1, "8:00", 25, 20), (1, "7:00", 25, 20), (1, "6:00", 30, 20));
        var broken = Flow((1, "10:00", 20, 20), (1, "9:00", 23, 20), (1, "8:00", 25, 22));

        Assert.AreEqual(RunSide.Home, flow.RunBy, "flow.RunBy");
        Assert.AreEqual(10, flow.RunPoints, "flow.RunPoints");
        Assert.AreEqual(RunSide.None, broken.RunBy, "both scored between polls: order unknown: broken.RunBy");
        Assert.AreEqual(0, broken.RunPoints, "both scored between polls: order unknown: broken.RunPoints");
    }

    [TestMethod]
    public void A_lead_change_seen_in_the_last_minute_of_the_second_half_or_overtime_is_late()
    {
        Assert.IsFalse(Flow((2, "1:30", 60, 58), (2, "1:05", 60, 61)).LeadChangeInFinalMinute);
        Assert.IsTrue(Flow((2, "1:30", 60, 58), (2, "0:40", 60, 61)).LeadChangeInFinalMinute);
        Assert.IsFalse(Flow((1, "1:30", 30, 28), (1, "0:40", 30, 31)).LeadChangeInFinalMinute, "end of the first half is not the end");
        Assert.IsTrue(Flow((3, "1:30", 70, 68), (3, "0:12.4", 70, 71)).LeadChangeInFinalMinute);
    }

    [TestMethod]
    public void Points_without_a_score_are_skipped()
    {
        var flow = GameFlow.From([new FlowPoint(0, "0:00", null, null), new FlowPoint(1, "19:00", 2, 0), new FlowPoint(1, "18:00", 2, 3)], GameFormat.Mens);

        Assert.AreEqual(1, flow.LeadChanges);
        Assert.AreEqual(GameFlow.None, GameFlow.From([], GameFormat.Mens));
    }
}
