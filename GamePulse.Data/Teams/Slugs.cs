using System.Globalization;
using System.Text;

namespace GamePulse.Data.Teams;

/// <summary>URL slugs: lower-case ASCII words joined by hyphens ("St. John's Red Storm" → "st-johns-red-storm").</summary>
public static class Slugs
{
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark || ch is '\'' or '’' or '.')
            {
                continue; // drop accents and apostrophes so "St. John's" reads "st-johns"
            }

            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(ch));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.Length == 0 ? "team" : builder.ToString();
    }
}
