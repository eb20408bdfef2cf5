using System.Net.Mail;

namespace GamePulse.Web.Pages.Account;

public static class EmailAddresses
{
    /// <summary>
    /// The trimmed, lower-cased address, or null when it is not a plain address (no display name, no spaces, a dotted
    /// domain, at most 254 characters as SMTP allows).
    /// </summary>
    public static string? Normalise(string? input)
    {
        var candidate = input?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(candidate) || candidate.Length > 254 || candidate.Any(char.IsWhiteSpace) || candidate.Any(char.IsControl))
        {
            return null;
        }

        if (!MailAddress.TryCreate(candidate, out var address) || address.Address != candidate || !string.IsNullOrEmpty(address.DisplayName))
        {
            return null;
        }

        var domain = address.Host;
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') ? candidate : null;
    }

    /// <summary>"j***@example.com": enough to tell requests apart in a support conversation, not enough to harvest.</summary>
    public static string Mask(string email)
    {
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }
}
