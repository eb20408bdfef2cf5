using System.Text.RegularExpressions;

namespace GamePulse.Web.Observability;

/// <summary>
/// The request path as it may appear in logs: e-mail addresses (an '@' however often it was percent-encoded: Kestrel
/// decodes the path once, so "%2540" arrives as "%40") and token-like segments (long runs of letters, digits, '-' and
/// '_' that contain a digit, as in confirmation or unsubscribe links) are replaced, and very long paths cut. nginx's
/// access log applies the same rule (nginx/templates/gamepulse-http.conf.template).
/// Slugs and ids ("/mens-college-basketball/scores/2025-03-01", "/games/123") are kept as they are.
/// </summary>
public static partial class LoggedPath
{
    private const int MaxLength = 300;

    public static string From(PathString path)
    {
        var value = path.HasValue ? path.Value! : "/";
        var segments = value.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Contains('@') || EncodedAt().IsMatch(segments[i]))
            {
                segments[i] = "[email]";
            }
            else if (TokenLike().IsMatch(segments[i]))
            {
                segments[i] = "[token]";
            }
        }

        var logged = string.Join('/', segments);
        return logged.Length <= MaxLength ? logged : logged[..MaxLength] + "…";
    }

    // 24+ characters of base64url/hex with at least one digit; a slug of words ("texas-a-m-corpus-christi") has no digit
    // run like that, a date segment is only 10 characters.
    [GeneratedRegex(@"^(?=[A-Za-z0-9_\-=]*[0-9])[A-Za-z0-9_\-=]{24,}$")]
    private static partial Regex TokenLike();

    // "%40", "%2540", "%252540", ...: an '@' encoded once or more.
    [GeneratedRegex("%(?:25)*40", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedAt();
}
