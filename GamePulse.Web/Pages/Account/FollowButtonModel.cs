namespace GamePulse.Web.Pages.Account;

/// <summary>
/// The model of <c>_FollowButton.cshtml</c>. Pages that list teams (team page, game cards) render
/// <c>&lt;partial name="/Pages/Account/_FollowButton.cshtml" model="new FollowButtonModel(team.Id, team.ShortName, followedIds.Contains(team.Id), currentPath)" /&gt;</c>
/// with the ids from <c>FollowRepository.GetFollowedTeamIdsAsync</c>. The page should load htmx; without it the
/// button is a plain form that redirects back to <see cref="ReturnUrl"/>.
/// </summary>
public sealed record FollowButtonModel(int TeamId, string TeamName, bool Following, string ReturnUrl);
