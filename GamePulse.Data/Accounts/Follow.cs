using LinqToDB.Mapping;

namespace GamePulse.Data.Accounts;

/// <summary>A user following a team (removed with either by ON DELETE CASCADE).</summary>
[Table("follows")]
public sealed record Follow
{
    [Column("user_id"), PrimaryKey(0)]
    public long UserId { get; init; }

    [Column("team_id"), PrimaryKey(1)]
    public int TeamId { get; init; }

    [Column("created_at")]
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A team a user follows, with what the account page needs to show and link it.</summary>
public sealed record FollowedTeam(int TeamId, string Slug, string DisplayName, string LeagueSlug, string LeagueName);
