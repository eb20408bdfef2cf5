namespace GamePulse.Data.Games;

/// <summary>The stages of the NCAA Tournament, in the order they are played; <see cref="Other"/> for anything else.</summary>
public enum TournamentStage
{
    FirstFour,
    FirstRound,
    SecondRound,
    Sweet16,
    Elite8,
    FinalFour,
    Championship,
    Other,
}

/// <summary>
/// Tournament names and rounds as both processes read them: the Worker stores <see cref="Ncaa"/> for the national
/// championship whatever each feed calls it, and the pages order rounds with <see cref="RoundOrder"/>. Feeds word rounds
/// freely ("1st Round", "First Round", "Round of 64"; "Elite 8", "Elite Eight", "Regional Final"), so the order is read
/// from the words.
/// </summary>
public static class Tournaments
{
    /// <summary>The stored name of the NCAA Division I tournament (ESPN: "Men's Basketball Championship", NCAA.com: a bracketId).</summary>
    public const string Ncaa = "NCAA Tournament";

    /// <summary>True for the national championship as ESPN names it ("Men's Basketball Championship", "NCAA Women's Tournament").</summary>
    public static bool IsNationalName(string name) =>
        name.Equals(Ncaa, StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Basketball Championship", StringComparison.OrdinalIgnoreCase) && (name.StartsWith("Men's", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Women's", StringComparison.OrdinalIgnoreCase) || name.StartsWith("NCAA", StringComparison.OrdinalIgnoreCase))
        || name.StartsWith("NCAA Men's", StringComparison.OrdinalIgnoreCase) || name.StartsWith("NCAA Women's", StringComparison.OrdinalIgnoreCase) || name.StartsWith("NCAA Division I", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a round sits in any tournament (conference or national): earlier rounds are smaller; unknown words last.</summary>
    public static int RoundOrder(string? round)
    {
        var text = round?.ToUpperInvariant() ?? "";
        return text switch
        {
            _ when text.Contains("FIRST FOUR", StringComparison.Ordinal) || text.Contains("OPENING ROUND", StringComparison.Ordinal) => 0,
            _ when text.Contains("1ST ROUND", StringComparison.Ordinal) || text.Contains("FIRST ROUND", StringComparison.Ordinal) || text.Contains("ROUND OF 64", StringComparison.Ordinal) => 10,
            _ when text.Contains("2ND ROUND", StringComparison.Ordinal) || text.Contains("SECOND ROUND", StringComparison.Ordinal) || text.Contains("ROUND OF 32", StringComparison.Ordinal) => 20,
            _ when text.Contains("3RD ROUND", StringComparison.Ordinal) || text.Contains("THIRD ROUND", StringComparison.Ordinal) => 30,
            _ when text.Contains("4TH ROUND", StringComparison.Ordinal) || text.Contains("FOURTH ROUND", StringComparison.Ordinal) => 40,
            _ when text.Contains("SWEET", StringComparison.Ordinal) || text.Contains("REGIONAL SEMI", StringComparison.Ordinal) || text.Contains("QUARTERFINAL", StringComparison.Ordinal) => 50,
            _ when text.Contains("ELITE", StringComparison.Ordinal) || text.Contains("REGIONAL FINAL", StringComparison.Ordinal) => 60,
            _ when text.Contains("FINAL FOUR", StringComparison.Ordinal) || text.Contains("SEMIFINAL", StringComparison.Ordinal) => 70,
            _ when text.Contains("FINAL", StringComparison.Ordinal) || text.Contains("CHAMPIONSHIP", StringComparison.Ordinal) => 80,
            _ => 90,
        };
    }

    /// <summary>The NCAA Tournament stage a round's words name.</summary>
    public static TournamentStage Stage(string? round) => RoundOrder(round) switch
    {
        0 => TournamentStage.FirstFour,
        10 => TournamentStage.FirstRound,
        20 => TournamentStage.SecondRound,
        50 => TournamentStage.Sweet16,
        60 => TournamentStage.Elite8,
        70 => TournamentStage.FinalFour,
        80 => TournamentStage.Championship,
        _ => TournamentStage.Other,
    };
}
