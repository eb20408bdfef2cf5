using System.Globalization;

namespace GamePulse.FeedSimulator.Games;

/// <summary>A synthetic roster: ten players per team, names and ids derived from the team's ESPN id, the same every run.</summary>
public sealed record RosterPlayer(string AthleteId, string DisplayName, string ShortName, string Jersey, string Position);

public static class Roster
{
    public const int Size = 10;
    public const int Starters = 5;

    private static readonly string[] FirstNames = ["Jalen", "Marcus", "Avery", "Jordan", "Taylor", "Cameron", "Riley", "Morgan", "Devin", "Quinn", "Elijah", "Kendall", "Parker", "Reese", "Dakota", "Sydney"];
    private static readonly string[] LastNames = ["Carter", "Brooks", "Hayes", "Bennett", "Foster", "Reed", "Ellis", "Warren", "Porter", "Hughes", "Sims", "Graham", "Wallace", "Coleman", "Price", "Barnes"];
    private static readonly string[] Positions = ["G", "G", "F", "F", "C", "G", "G", "F", "F", "C"];

    public static IReadOnlyList<RosterPlayer> Of(string teamEspnId)
    {
        var hash = int.Parse(teamEspnId, NumberStyles.None, CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(0, Size).Select(i =>
        {
            var first = FirstNames[(hash + (i * 7)) % FirstNames.Length];
            var last = LastNames[((hash / 3) + (i * 5)) % LastNames.Length];
            // 9 + team id + slot: numeric like ESPN's athlete ids, and never one of theirs (theirs have no 9 prefix this long).
            var id = string.Create(CultureInfo.InvariantCulture, $"9{hash:D6}{i:D2}");
            return new RosterPlayer(id, $"{first} {last}", $"{first[0]}. {last}", ((i * 3) + 1).ToString(CultureInfo.InvariantCulture), Positions[i]);
        })];
    }
}
