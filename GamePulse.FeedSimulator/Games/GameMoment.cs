using System.Globalization;

namespace GamePulse.FeedSimulator.Games;

/// <summary>ESPN's status of a game: pre, in (in progress, end of period, halftime) or post.</summary>
public sealed record FeedStatus(string Id, string Name, string State, bool Completed, string Description, string Detail, string ShortDetail);

/// <summary>How far a game has got at one instant: the plays visible so far, the score, the status.</summary>
public sealed record GameMoment(SimGame Game, IReadOnlyList<Play> Visible, FeedStatus Status, int Period, int Clock)
{
    public int Home => Visible.Count == 0 ? 0 : Visible[^1].Home;

    public int Away => Visible.Count == 0 ? 0 : Visible[^1].Away;

    public bool Started => Visible.Count > 0;

    public string DisplayClock => string.Create(CultureInfo.InvariantCulture, $"{Clock / 60}:{Clock % 60:D2}");

    public static GameMoment At(SimGame game, double elapsed)
    {
        var count = game.VisibleCount(elapsed);
        var visible = game.Plays.Take(count).ToList();
        if (count == 0)
        {
            var tip = Data.Games.EasternCalendar.ToEastern(game.TipOff);
            var detail = tip.ToString("ddd, MMMM d 'at' h:mm tt 'ET'", CultureInfo.InvariantCulture);
            return new GameMoment(game, visible, new FeedStatus("1", "STATUS_SCHEDULED", "pre", false, "Scheduled", detail, tip.ToString("M/d - h:mm tt 'ET'", CultureInfo.InvariantCulture)), 0, game.League.LengthOf(1));
        }

        var last = visible[^1];
        var league = game.League;
        var status = last.Kind switch
        {
            PlayKind.EndGame => Final(last.Period - league.Periods),
            PlayKind.EndPeriod when last.Period == league.HalftimeAfter => new FeedStatus("23", "STATUS_HALFTIME", "in", false, "Halftime", "Halftime", "Halftime"),
            PlayKind.EndPeriod => new FeedStatus("22", "STATUS_END_PERIOD", "in", false, "End of Period", $"End of {league.PeriodName(last.Period)}", $"End of {league.PeriodName(last.Period)}"),
            _ => InProgress(league.PeriodName(last.Period), last.Clock),
        };
        return new GameMoment(game, visible, status, last.Period, last.Clock);
    }

    private static FeedStatus Final(int overtimes)
    {
        var detail = overtimes switch
        {
            <= 0 => "Final",
            1 => "Final/OT",
            _ => string.Create(CultureInfo.InvariantCulture, $"Final/{overtimes}OT"),
        };
        return new FeedStatus("3", "STATUS_FINAL", "post", true, "Final", detail, detail);
    }

    private static FeedStatus InProgress(string period, int clock)
    {
        var detail = string.Create(CultureInfo.InvariantCulture, $"{clock / 60}:{clock % 60:D2} - {period}");
        return new FeedStatus("2", "STATUS_IN_PROGRESS", "in", false, "In Progress", detail, detail);
    }
}
