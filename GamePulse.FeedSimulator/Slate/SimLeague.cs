using GamePulse.Data.Leagues;

namespace GamePulse.FeedSimulator.Slate;

/// <summary>A league as the feed names it and as its games are played: men's two halves, women's four quarters.</summary>
public sealed record SimLeague(string Key, string Slug, string EspnId, string Name, string Abbreviation, int Periods, int PeriodSeconds)
{
    public const int OvertimeSeconds = 300;

    public static readonly SimLeague Mens = new("mens", League.MensSlug, "41", "NCAA Men's Basketball", "NCAAM", 2, 1200);

    public static readonly SimLeague Womens = new("womens", League.WomensSlug, "54", "NCAA Women's Basketball", "NCAAW", 4, 600);

    public static readonly IReadOnlyList<SimLeague> All = [Mens, Womens];

    public static SimLeague? FromSlug(string slug) => All.FirstOrDefault(l => l.Slug == slug);

    /// <summary>Seconds on the clock when a period starts: regulation, then five-minute overtimes.</summary>
    public int LengthOf(int period) => period <= Periods ? PeriodSeconds : OvertimeSeconds;

    /// <summary>The period after which the long break is: the end of the first half.</summary>
    public int HalftimeAfter => Periods / 2;

    /// <summary>"1st Half", "3rd Quarter", "OT", "2OT", as ESPN's status details read.</summary>
    public string PeriodName(int period)
    {
        if (period > Periods)
        {
            return period == Periods + 1 ? "OT" : $"{period - Periods}OT";
        }

        var ordinal = period switch
        {
            1 => "1st",
            2 => "2nd",
            3 => "3rd",
            _ => "4th",
        };
        return Periods == 2 ? $"{ordinal} Half" : $"{ordinal} Quarter";
    }
}
