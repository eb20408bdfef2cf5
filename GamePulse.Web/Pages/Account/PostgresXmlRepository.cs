using System.Xml.Linq;
using GamePulse.Data.Accounts;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GamePulse.Web.Pages.Account;

/// <summary>
/// Keeps the data-protection key ring in PostgreSQL so that every Web instance, and every restart, can read the
/// session and antiforgery cookies the others issued.
/// </summary>
public sealed class PostgresXmlRepository(DataProtectionKeyRepository keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => [.. keys.GetAll().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName) => keys.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
