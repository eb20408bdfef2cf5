using GamePulse.Data;
using GamePulse.Data.Accounts;
using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Pages.Account;

/// <summary>/account: the address, followed teams, a team finder, sign out, sign out everywhere, delete the account.</summary>
[Authorize]
public sealed class IndexModel(
    GamePulseDbFactory databases,
    FollowRepository follows,
    UserRepository users,
    LoginRequestRepository requests,
    EmailOutboxRepository outbox,
    TeamRepository teams,
    LeagueRepository leagues,
    SessionCookie session,
    ILogger<IndexModel> logger) : PageModel
{
    /// <summary>Where follow buttons on this page return to.</summary>
    public string Here => "/account";

    public string Email { get; private set; } = "";

    public IReadOnlyList<FollowedTeam> Followed { get; private set; } = [];

    /// <summary>The team slug typed in the finder ("duke").</summary>
    [BindProperty(SupportsGet = true, Name = "team")]
    public string? TeamQuery { get; set; }

    public IReadOnlyList<(Team Team, League League, bool Following)> Found { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        Email = User.Email() ?? "";
        Followed = await follows.GetFollowedTeamsAsync(userId, cancellationToken);
        if (!string.IsNullOrWhiteSpace(TeamQuery))
        {
            var slug = Slugs.From(TeamQuery);
            var followedIds = Followed.Select(f => f.TeamId).ToHashSet();
            var found = new List<(Team, League, bool)>();
            foreach (var league in await leagues.GetAllAsync(cancellationToken))
            {
                if (await teams.FindBySlugAsync(league.Id, slug, cancellationToken) is { } team)
                {
                    found.Add((team, league, followedIds.Contains(team.Id)));
                }
            }

            Found = found;
        }
    }

    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken cancellationToken)
    {
        await session.SignOutAsync(HttpContext, cancellationToken);
        return LocalRedirect("/");
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        await using (var db = databases.Open())
        {
            // One statement, committed before this instance forgets the old stamp (or it could cache it again).
            await users.RotateSecurityStampAsync(db, userId, cancellationToken);
        }

        session.Forget(userId);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        logger.LogInformation("User {UserId} signed out everywhere", userId);
        return LocalRedirect("/");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        await DeleteAccountAsync(userId, cancellationToken);
        session.Forget(userId);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        logger.LogInformation("User {UserId} deleted their account", userId);
        return LocalRedirect("/");
    }

    /// <summary>One transaction: the user (their follows cascade), their sign-in requests and their unsent emails.</summary>
    private async Task DeleteAccountAsync(long userId, CancellationToken cancellationToken)
    {
        await using var db = databases.Open();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (await users.DeleteAsync(db, userId, cancellationToken) is { } email)
        {
            await requests.DeleteForAddressAsync(db, email, cancellationToken);
            await outbox.DeleteForAddressAsync(db, email, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
