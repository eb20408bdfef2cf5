using GamePulse.Data;
using GamePulse.Data.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Pages.Account;

/// <summary>
/// POST /account/follows/{teamId}: follow (follow=true) or unfollow (follow=false); any other value is a 400, never
/// read as "unfollow". htmx gets the swapped button back; a plain form post is redirected to its local returnUrl. One
/// connection serves the request: the follow or unfollow, then the name.
/// </summary>
public sealed class FollowsModel(GamePulseDbFactory databases, FollowRepository follows) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/account");

    public async Task<IActionResult> OnPostAsync(int teamId, [FromForm(Name = "follow")] string? followValue, [FromForm] string? returnUrl, CancellationToken cancellationToken)
    {
        if (!bool.TryParse(followValue, out var follow))
        {
            return BadRequest();
        }

        var back = ReturnUrls.LocalOr(Url, returnUrl, "/account");
        var isHtmx = Request.Headers.ContainsKey("HX-Request");
        var userId = User.UserId();
        if (userId is null)
        {
            var login = $"/account/login?returnUrl={Uri.EscapeDataString(back)}";
            if (isHtmx)
            {
                Response.Headers["HX-Redirect"] = login;
                return new UnauthorizedResult();
            }

            return LocalRedirect(login);
        }

        await using var db = databases.Open();
        if (follow)
        {
            if (!await follows.FollowAsync(db, userId.Value, teamId, cancellationToken))
            {
                return NotFound();
            }
        }
        else
        {
            await follows.UnfollowAsync(db, userId.Value, teamId, cancellationToken);
        }

        if (!isHtmx)
        {
            return LocalRedirect(back);
        }

        var name = await follows.FindTeamNameAsync(db, teamId, cancellationToken) ?? $"team {teamId}";
        return Partial("/Pages/Account/_FollowButton.cshtml", new FollowButtonModel(teamId, name, follow, back));
    }
}
