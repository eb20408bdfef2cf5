using LinqToDB.Mapping;

namespace GamePulse.Data.Viewing;

/// <summary>A signed-in user's viewer settings (migration 0610): the time zone code and spoiler-free mode.</summary>
[Table("viewer_settings")]
public sealed record ViewerSettingsRow
{
    [Column("user_id"), PrimaryKey]
    public long UserId { get; init; }

    /// <summary>One of <see cref="ViewTimeZones.Codes"/> or <see cref="ViewTimeZones.Automatic"/> (a CHECK keeps it so).</summary>
    [Column("time_zone")]
    public required string TimeZone { get; init; }

    [Column("hide_spoilers")]
    public bool HideSpoilers { get; init; }

    [Column("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }
}
