using GamePulse.Data.Accounts;
using GamePulse.Data.Conferences;
using GamePulse.Data.Games;
using GamePulse.Data.Games.Detail;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using GamePulse.Data.Viewing;
using LinqToDB;
using LinqToDB.Data;

namespace GamePulse.Data;

/// <summary>
/// The typed connection of the data library: one table per property, mapped beside its feature. One instance is one
/// connection and so one unit of work: a repository method that writes as part of a larger change takes the instance
/// it belongs to (and its transaction), one that stands alone opens its own through <see cref="GamePulseDbFactory"/>.
/// </summary>
public sealed class GamePulseDb(DataOptions options) : DataConnection(options)
{
    public ITable<League> Leagues => this.GetTable<League>();

    public ITable<Conference> Conferences => this.GetTable<Conference>();

    public ITable<TeamRow> Teams => this.GetTable<TeamRow>();

    public ITable<Teams.Logos.TeamLogoVersion> TeamLogoVersions => this.GetTable<Teams.Logos.TeamLogoVersion>();

    public ITable<GameRow> Games => this.GetTable<GameRow>();

    public ITable<GameSnapshot> GameSnapshots => this.GetTable<GameSnapshot>();

    public ITable<PulseHistoryPoint> PulseHistory => this.GetTable<PulseHistoryPoint>();

    public ITable<GameDetailRow> GameDetails => this.GetTable<GameDetailRow>();

    public ITable<TeamBoxLine> GameTeamStats => this.GetTable<TeamBoxLine>();

    public ITable<PlayerLine> GamePlayerStats => this.GetTable<PlayerLine>();

    public ITable<PlayLine> GamePlays => this.GetTable<PlayLine>();

    public ITable<LeaderLine> GameLeaders => this.GetTable<LeaderLine>();

    public ITable<IngestRun> IngestRuns => this.GetTable<IngestRun>();

    public ITable<User> Users => this.GetTable<User>();

    public ITable<LoginRequest> LoginRequests => this.GetTable<LoginRequest>();

    public ITable<EmailOutboxRow> EmailOutbox => this.GetTable<EmailOutboxRow>();

    public ITable<RateLimitEvent> RateLimitEvents => this.GetTable<RateLimitEvent>();

    public ITable<Follow> Follows => this.GetTable<Follow>();

    public ITable<ViewerSettingsRow> ViewerSettings => this.GetTable<ViewerSettingsRow>();

    public ITable<DataProtectionKey> DataProtectionKeys => this.GetTable<DataProtectionKey>();

    public ITable<RevokedSession> RevokedSessions => this.GetTable<RevokedSession>();
}
