using GamePulse.FeedSimulator.Slate;

namespace GamePulse.FeedSimulator.Games;

/// <summary>A game of the slate: its teams, when it tips off (real time) and its whole script.</summary>
public sealed record SimGame(string EventId, SimLeague League, SeededTeam Home, SeededTeam Away, string HomeRecord, string AwayRecord, DateTimeOffset TipOff, IReadOnlyList<Play> Plays)
{
    public bool ConferenceGame => Home.Conference == Away.Conference;

    /// <summary>The plays visible at simulated second <paramref name="elapsed"/> after tip-off (none before it).</summary>
    public int VisibleCount(double elapsed)
    {
        if (elapsed < 0)
        {
            return 0;
        }

        // Binary search for the first play after `elapsed`: a summary request must not scan 400 plays for each game.
        int low = 0, high = Plays.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Plays[middle].At <= elapsed)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
