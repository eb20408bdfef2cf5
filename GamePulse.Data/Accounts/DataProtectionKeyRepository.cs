using LinqToDB;

namespace GamePulse.Data.Accounts;

/// <summary>The ASP.NET Core data-protection key ring as XML rows, shared by every Web instance.</summary>
public sealed class DataProtectionKeyRepository(GamePulseDbFactory databases)
{
    // Synchronous on purpose: ASP.NET Core's IXmlRepository is a synchronous interface, called rarely (key ring refresh).
    public IReadOnlyList<string> GetAll()
    {
        using var db = databases.Open();
        return [.. db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml)];
    }

    /// <summary>Stores a key unless one of that name is stored already (ON CONFLICT (friendly_name) DO NOTHING).</summary>
    public void Store(string friendlyName, string xml)
    {
        using var db = databases.Open();
        db.DataProtectionKeys.InsertOrUpdate(
            () => new DataProtectionKey { FriendlyName = friendlyName, Xml = xml },
            onDuplicateKeyUpdateSetter: null,
            keySelector: () => new DataProtectionKey { FriendlyName = friendlyName });
    }
}
