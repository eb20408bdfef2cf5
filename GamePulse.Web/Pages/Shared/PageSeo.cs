namespace GamePulse.Web.Pages.Shared;

/// <summary>
/// What a page tells search engines and chat-app previews: a unique title and description, its canonical path
/// (made absolute from Site:PublicBaseUrl, never from the Host header) and optional JSON-LD.
/// </summary>
public sealed record PageSeo(string Title, string Description, string CanonicalPath, string OgType = "website")
{
    public const string ViewDataKey = "Seo";

    /// <summary>Serialised schema.org JSON-LD (System.Text.Json escapes '&lt;', so it cannot close the script element).</summary>
    public string? JsonLd { get; init; }

    public bool NoIndex { get; init; }

    /// <summary>The page's own share image (a game's, a day's, a team's card); null: the site's default image.</summary>
    public ShareCards.ShareImage? Image { get; init; }
}
