using GamePulse.Data;
using GamePulse.Data.Accounts;
using Htmx;
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
        var userId = User.UserId();
        if (userId is null)
        {
            return SignInRedirect.To(HttpContext, back);
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

        if (!Request.IsHtmx())
        {
            return LocalRedirect(back);
        }

        var name = await follows.FindTeamNameAsync(db, teamId, cancellationToken) ?? $"team {teamId}";
        return Partial("/Pages/Account/_FollowButton.cshtml", new FollowButtonModel(teamId, name, follow, back));
    }
}
