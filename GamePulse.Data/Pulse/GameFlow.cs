namespace GamePulse.Data.Pulse;

/// <summary>One observed moment of a game (a row of game_snapshots, or the game's current state).</summary>
public sealed record FlowPoint(int? Period, string? Clock, int? HomeScore, int? AwayScore);

/// <summary>
/// The story of a game so far, read from its snapshots: how often the lead changed hands, how often it was tied, the
/// biggest hole each team was in, who is on a scoring run, and whether the lead changed in the final minute.
/// Snapshots are taken on every visible change the Worker sees, not on every basket, so these are lower bounds:
/// two baskets between two polls are one step here.
/// </summary>
public sealed record GameFlow(
    int LeadChanges,
    int Ties,
    int LargestHomeDeficit,
    int LargestAwayDeficit,
    RunSide RunBy,
    int RunPoints,
    bool LeadChangeInFinalMinute)
{
    public static GameFlow None { get; } = new(0, 0, 0, 0, RunSide.None, 0, false);

    /// <summary>Reads the flow from points in the order they were observed; points without a score are skipped.</summary>
    public static GameFlow From(IEnumerable<FlowPoint> points, GameFormat format)
    {
        int leadChanges = 0, ties = 0, homeDeficit = 0, awayDeficit = 0, runPoints = 0;
        var runBy = RunSide.None;
        var lateChange = false;
        var leader = 0; // +1 home, -1 away, 0 nobody has led yet
        (int Home, int Away)? previous = null;

        foreach (var point in points)
        {
            if (point is not { HomeScore: { } home, AwayScore: { } away })
            {
                continue;
            }

            var margin = home - away;
            homeDeficit = Math.Max(homeDeficit, -margin);
            awayDeficit = Math.Max(awayDeficit, margin);

            var side = Math.Sign(margin);
            if (side != 0)
            {
                if (leader != 0 && side != leader)
                {
                    leadChanges++;
                    lateChange |= format.IsFinalMinute(point.Period, point.Clock);
                }

                leader = side;
            }
            else if (previous is { } before && before.Home != before.Away)
            {
                ties++;
            }

            if (previous is { } last)
            {
                (runBy, runPoints) = NextRun(runBy, runPoints, home - last.Home, away - last.Away);
            }

            previous = (home, away);
        }

        return new GameFlow(leadChanges, ties, homeDeficit, awayDeficit, runBy, runPoints, lateChange);
    }

    // A run is points by one side while the other scores none. When both scored between two observations we cannot
    // tell the order, and a score going down is a correction: either way the run starts again.
    private static (RunSide, int) NextRun(RunSide runBy, int runPoints, int homeGain, int awayGain) => (homeGain, awayGain) switch
    {
        (0, 0) => (runBy, runPoints),
        ( > 0, 0) => (RunSide.Home, runBy == RunSide.Home ? runPoints + homeGain : homeGain),
        (0, > 0) => (RunSide.Away, runBy == RunSide.Away ? runPoints + awayGain : awayGain),
        _ => (RunSide.None, 0),
    };
}

public enum RunSide
{
    None,
    Home,
    Away,
}
