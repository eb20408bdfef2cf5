using System.Buffers;
using GamePulse.Data.Site;

namespace GamePulse.Web.ShareCards;

/// <summary>
/// A card URL's query: <c>v</c> (the version, 12 hex digits; absent is allowed and redirected) and <c>spoilers=hide</c>.
/// Any other value of these, or either key twice, is bad input (400); other keys (utm_source) are ignored.
/// </summary>
public sealed record ShareCardRequest(string? Version, bool HideScore)
{
    public static bool TryRead(IQueryCollection query, out ShareCardRequest request)
    {
        request = new ShareCardRequest(null, false);
        var version = query[SiteUrls.VersionKey];
        var spoilers = query[SiteUrls.SpoilersKey];
        if (version.Count > 1 || spoilers.Count > 1)
        {
            return false;
        }

        if (version.Count == 1 && !IsVersion(version[0]))
        {
            return false;
        }

        if (spoilers.Count == 1 && spoilers[0] != SiteUrls.SpoilersHidden)
        {
            return false;
        }

        request = new ShareCardRequest(version.Count == 1 ? version[0] : null, spoilers.Count == 1);
        return true;
    }

    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");

    private static bool IsVersion(string? text) => text is { Length: 12 } && !text.AsSpan().ContainsAnyExcept(Hex);
}
