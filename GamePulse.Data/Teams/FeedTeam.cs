namespace GamePulse.Data.Teams;

/// <summary>A team as an upstream payload describes it; used to resolve it, or to create it when it is unknown.</summary>
public sealed record FeedTeam(
    string ExternalId,
    string DisplayName,
    string ShortName,
    string? Location,
    string? Nickname,
    string? Abbreviation,
    string? PrimaryColor,
    string? SecondaryColor,
    string? LogoUrl);
