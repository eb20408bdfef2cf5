using Microsoft.AspNetCore.Mvc;

namespace GamePulse.Web.Pages.Account;

/// <summary>Only local return URLs are honoured ("/x", never "//evil.example" or "https://evil.example").</summary>
public static class ReturnUrls
{
    public static string? LocalOrNull(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && url.IsLocalUrl(returnUrl) ? returnUrl : null;

    public static string LocalOr(IUrlHelper url, string? returnUrl, string fallback) => LocalOrNull(url, returnUrl) ?? fallback;
}
