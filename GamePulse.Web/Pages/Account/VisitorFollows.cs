using GamePulse.Data.Accounts;

namespace GamePulse.Web.Pages.Account;

/// <summary>
/// The teams the current visitor follows, read at most once per request however many game cards ask
/// (a scoreboard renders a follow button pair per card). Anonymous visitors follow nothing and cost no query.
/// </summary>
public sealed class VisitorFollows(IHttpContextAccessor accessor, FollowRepository follows)
{
    private static readonly IReadOnlySet<int> None = new HashSet<int>();
    private Task<IReadOnlySet<int>>? loaded;

    public bool IsSignedIn => accessor.HttpContext?.User.UserId() is not null;

    public Task<IReadOnlySet<int>> GetTeamIdsAsync(CancellationToken cancellationToken = default) =>
        loaded ??= accessor.HttpContext?.User.UserId() is { } userId
            ? follows.GetFollowedTeamIdsAsync(userId, cancellationToken)
            : Task.FromResult(None);

    /// <summary>The page a follow button returns to after a plain (no-htmx) post: the current path and query.</summary>
    public string CurrentUrl => accessor.HttpContext is { } context ? $"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}" : "/";
}
