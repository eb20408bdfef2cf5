using LinqToDB.Mapping;

namespace GamePulse.Data.Accounts;

/// <summary>One key of the ASP.NET Core data-protection key ring, as the XML the key manager wrote.</summary>
[Table("data_protection_keys")]
public sealed record DataProtectionKey
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; init; }

    [Column("friendly_name")]
    public required string FriendlyName { get; init; }

    [Column("xml")]
    public string Xml { get; init; } = "";

    [Column("created_at")]
    public DateTimeOffset CreatedAt { get; init; }
}
