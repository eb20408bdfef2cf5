using Dapper;
using Npgsql;

namespace GamePulse.Data.Accounts;

/// <summary>The ASP.NET Core data-protection key ring as XML rows, shared by every Web instance.</summary>
public sealed class DataProtectionKeyRepository(NpgsqlDataSource dataSource)
{
    // Synchronous on purpose: ASP.NET Core's IXmlRepository is a synchronous interface, called rarely (key ring refresh).
    public IReadOnlyList<string> GetAll()
    {
        using var connection = dataSource.OpenConnection();
        return [.. connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id")];
    }

    public void Store(string friendlyName, string xml)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml) ON CONFLICT (friendly_name) DO NOTHING",
            new { friendlyName, xml });
    }
}
