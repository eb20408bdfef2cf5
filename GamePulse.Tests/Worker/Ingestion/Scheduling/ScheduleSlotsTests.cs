using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion.Scheduling;

namespace GamePulse.Tests.Worker.Ingestion.Scheduling;

[TestClass]
public sealed class ScheduleSlotsTests
{
    private static readonly DateTimeOffset Tick = new(2025, 2, 5, 0, 0, 20, TimeSpan.Zero);
    private static readonly TimeSpan TwentySeconds = TimeSpan.FromSeconds(20);

    [TestMethod]
    public void A_slot_is_the_tick_a_firing_belongs_to_even_when_it_runs_a_moment_late()
    {
        Assert.AreEqual(Tick, ScheduleSlots.SlotOf(Tick, TwentySeconds), "on the tick");
        Assert.AreEqual(Tick, ScheduleSlots.SlotOf(Tick.AddMilliseconds(1900), TwentySeconds), "a late firing keeps its tick");
        Assert.AreEqual(Tick.AddSeconds(20), ScheduleSlots.SlotOf(Tick.AddSeconds(20), TwentySeconds), "the next tick is the next slot");
        Assert.AreEqual(new DateTimeOffset(2025, 2, 5, 11, 0, 0, TimeSpan.Zero), ScheduleSlots.SlotOf(new DateTimeOffset(2025, 2, 5, 11, 0, 0, 350, TimeSpan.Zero), TimeSpan.FromMinutes(1)), "cron firings go by the minute");
        Assert.AreEqual("scoreboard@2025-02-05T00:00:20Z", ScheduleSlots.FireId("scoreboard", Tick), "the fire id names job and slot");
    }

    [TestMethod]
    public async Task The_first_worker_to_claim_a_slot_gets_it_and_the_others_do_not()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new PinnedClock(Tick.AddMilliseconds(40));
        var first = new ScheduleSlots(database.Databases, clock);
        var second = new ScheduleSlots(database.Databases, clock);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).TryClaimAsync("scoreboard", TwentySeconds, CancellationToken.None)));

        Assert.AreEqual(1, claims.Count(c => c is not null), "one claim of eight racing ones wins: " + string.Join(", ", claims));
        Assert.AreEqual("scoreboard@2025-02-05T00:00:20Z", claims.Single(c => c is not null), "the winner gets the fire id");
        Assert.IsNotNull(await first.TryClaimAsync("window", TwentySeconds, CancellationToken.None), "each job has its own slots");
        var claimedBy = await database.ScalarAsync<string>("SELECT claimed_by FROM schedule_slots WHERE job = 'scoreboard'");
        Assert.IsTrue(claimedBy == first.Instance || claimedBy == second.Instance, $"the row names the Worker that claimed it: {claimedBy}");
        Assert.AreNotEqual(first.Instance, second.Instance, "two Workers in one process still have their own names");
    }

    [TestMethod]
    public async Task A_claim_prunes_its_jobs_slots_older_than_a_day()
    {
        await using var database = await TestDatabase.CreateAsync();
        var slots = new ScheduleSlots(database.Databases, new PinnedClock(Tick));
        Assert.IsNotNull(await slots.TryClaimAsync("window", TimeSpan.FromMinutes(1), CancellationToken.None), "the table exists once a Worker claimed");
        await database.ExecuteAsync("""
            INSERT INTO schedule_slots (job, slot, claimed_by) VALUES
                ('scoreboard', @dayAndMore, 'old'), ('scoreboard', @lessThanADay, 'recent'), ('window', @dayAndMore, 'other job')
            """, new { dayAndMore = Tick.AddDays(-1).AddSeconds(-20), lessThanADay = Tick.AddHours(-23) });

        await slots.TryClaimAsync("scoreboard", TwentySeconds, CancellationToken.None);

        var left = await database.QueryAsync<string>("SELECT claimed_by FROM schedule_slots WHERE job = 'scoreboard' AND claimed_by <> @me ORDER BY claimed_by", new { me = slots.Instance });
        string[] expected = ["recent"];
        CollectionAssert.AreEqual(expected, left.ToArray(), "only the slot older than a day went");
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM schedule_slots WHERE claimed_by = 'other job'"), "another job's rows are its own claims' to prune");
    }
}
