using GamePulse.FeedSimulator.Slate;

namespace GamePulse.FeedSimulator.Games;

/// <summary>ESPN's play-by-play wording and play type names for a scripted play.</summary>
public static class PlayText
{
    public static string TypeOf(Play play) => play.Kind switch
    {
        PlayKind.JumpBall => "Jumpball",
        PlayKind.Jumper => "JumpShot",
        PlayKind.Layup => "LayUpShot",
        PlayKind.Three => "JumpShot",
        PlayKind.FreeThrow => "MadeFreeThrow",
        PlayKind.Rebound => play.Made ? "Offensive Rebound" : "Defensive Rebound",
        PlayKind.Turnover => "Lost Ball Turnover",
        PlayKind.Foul => "PersonalFoul",
        PlayKind.TeamTimeout => "ShortTimeOut",
        PlayKind.MediaTimeout => "OfficialTVTimeOut",
        PlayKind.EndPeriod => "End Period",
        _ => "End Game",
    };

    public static string Of(Play play, SimGame game, SimLeague league)
    {
        var team = play.Side switch
        {
            0 => game.Home,
            1 => game.Away,
            _ => null,
        };
        var player = team is null ? "" : Roster.Of(team.EspnId)[play.Player].DisplayName;
        return play.Kind switch
        {
            PlayKind.JumpBall => $"Jump Ball won by {team!.ShortName}",
            PlayKind.Jumper => $"{player} {(play.Made ? "made" : "missed")} Jumper.",
            PlayKind.Layup => $"{player} {(play.Made ? "made" : "missed")} Layup.",
            PlayKind.Three => $"{player} {(play.Made ? "made" : "missed")} Three Point Jumper.",
            PlayKind.FreeThrow => $"{player} {(play.Made ? "made" : "missed")} Free Throw.",
            PlayKind.Rebound => $"{player} {(play.Made ? "Offensive" : "Defensive")} Rebound.",
            PlayKind.Turnover => $"{player} Turnover.",
            PlayKind.Foul => $"Foul on {player}.",
            PlayKind.TeamTimeout => $"{team!.ShortName} Timeout",
            PlayKind.MediaTimeout => "Official TV Timeout",
            PlayKind.EndPeriod => $"End of {league.PeriodName(play.Period)}",
            _ => "End of Game",
        };
    }
}
