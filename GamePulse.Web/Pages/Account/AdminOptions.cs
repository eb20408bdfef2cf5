namespace GamePulse.Web.Pages.Account;

/// <summary>Section "Admin": Admin__Emails is a comma-separated list of addresses that get the admin role at sign-in.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string Emails { get; set; } = "";

    public bool IsAdmin(string email) =>
        Emails.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(e => string.Equals(e, email, StringComparison.OrdinalIgnoreCase));
}
