namespace GamePulse.FeedSimulator.Games;

public enum PlayKind
{
    JumpBall,
    Jumper,
    Layup,
    Three,
    FreeThrow,
    Rebound,
    Turnover,
    Foul,
    TeamTimeout,
    MediaTimeout,
    EndPeriod,
    EndGame,
}

/// <summary>
/// One play of a scripted game. <see cref="At"/> is simulated seconds after tip-off, when the play becomes visible in
/// the feed; <see cref="Home"/> and <see cref="Away"/> are the score after it. Side 0 is home, 1 away, null neither.
/// </summary>
public sealed record Play(int Sequence, int Period, int Clock, double At, PlayKind Kind, int? Side, int Player, bool Made, int Points, int Home, int Away)
{
    public bool IsShot => Kind is PlayKind.Jumper or PlayKind.Layup or PlayKind.Three or PlayKind.FreeThrow;

    public bool Scoring => IsShot && Made;

    public int Value => Kind switch
    {
        PlayKind.Three => 3,
        PlayKind.FreeThrow => 1,
        _ => 2,
    };
}
