using LinqToDB;
using LinqToDB.Async;

namespace GamePulse.Data.Viewing;

/// <summary>Reads and saves a signed-in user's viewer settings (one row per user, absent until first saved).</summary>
public sealed class ViewerSettingsRepository(GamePulseDbFactory databases)
{
    public async Task<ViewerSettingsRow?> FindAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.ViewerSettings.Where(s => s.UserId == userId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Inserts or replaces the user's row; saving the same values twice is harmless.</summary>
    public async Task SaveAsync(long userId, string timeZone, bool hideSpoilers, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        await db.ViewerSettings.InsertOrUpdateAsync(
            () => new ViewerSettingsRow { UserId = userId, TimeZone = timeZone, HideSpoilers = hideSpoilers, UpdatedAt = now },
            existing => new ViewerSettingsRow { UserId = userId, TimeZone = timeZone, HideSpoilers = hideSpoilers, UpdatedAt = now },
            cancellationToken);
    }
}
