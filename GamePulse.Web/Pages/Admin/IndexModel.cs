using GamePulse.Data.Leagues;
using GamePulse.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GamePulse.Web.Pages.Admin;

/// <summary>
/// /admin: ingest runs (filtered by ?league=&amp;outcome=&amp;page=), freshness per league, the email outbox and links to
/// the Logs Insights queries. Admins only: anonymous visitors are sent to sign in, other accounts get 403.
/// </summary>
[Authorize(Roles = AccountClaims.AdminRole)]
public sealed class IndexModel(LeagueRepository leagueRepository, AdminDashboardQuery query) : PageModel
{
    public IReadOnlyList<League> Leagues { get; private set; } = [];

    public RunFilter Filter { get; private set; } = new(null, null, 1);

    public AdminDashboard? Dashboard { get; private set; }

    public List<string> FilterErrors { get; } = [];

    public int PageCount => Dashboard is null ? 1 : Math.Max(1, (Dashboard.Runs.Total + RunFilter.PageSize - 1) / RunFilter.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Operational data of the moment: never cached by nginx or the browser.
        Response.Headers.CacheControl = "no-store";
        Leagues = await leagueRepository.GetAllAsync(cancellationToken);
        if (RunFilter.Parse(Request.Query, Leagues, FilterErrors) is not { } filter)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Filter = filter;
        Dashboard = await query.LoadAsync(filter, Leagues, cancellationToken);
        return Page();
    }
}
