namespace GamePulse.Web.Pages.Shared;

/// <summary>
/// League, team and conference slugs in a path are short lower-case words (<c>SiteUrls</c> builds paths from them);
/// anything else cannot name one, and the page answers 404 without asking the database.
/// </summary>
public static class UrlSlug
{
    public static bool IsPlausible(string? slug) =>
        slug is { Length: > 0 and <= 64 } && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
