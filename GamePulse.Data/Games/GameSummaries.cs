using System.Linq.Expressions;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Data.Teams;
using GamePulse.Data.Teams.Logos;
using LinqToDB;

namespace GamePulse.Data.Games;

/// <summary>A stored game with its league and both teams, before it is projected.</summary>
internal sealed record GameJoin
{
    public required GameRow Game { get; init; }
    public required League League { get; init; }
    // Null for a side not known yet (the left joins below find no team).
    public TeamRow? Home { get; init; }
    public TeamRow? Away { get; init; }

    /// <summary>The game's detail row (the cards' last play and leader), null when no summary was stored.</summary>
    public Detail.GameDetailRow? Detail { get; init; }

    /// <summary>The versions of the teams' stored logos (null when none is stored: the card draws a colour disc).</summary>
    public TeamLogoVersion? HomeLogo { get; init; }

    public TeamLogoVersion? AwayLogo { get; init; }
}

/// <summary>
/// The one mapping from stored rows to <see cref="GameSummary"/>: every read of games with their teams (scoreboards,
/// team pages, the game page, Pulse's best games) filters and orders <see cref="Joined"/> and ends with
/// <see cref="ToSummary"/>, so a column added to the read model is added here once. The teams are left joins: a bracket
/// game may have a side not known yet, which is projected as a <see cref="GameTeam"/> with id 0 and the slot's label.
/// </summary>
internal static class GameSummaries
{
    public static IQueryable<GameJoin> Joined(this GamePulseDb db) =>
        from g in db.Games
        join l in db.Leagues on g.LeagueId equals l.Id
        from h in db.Teams.LeftJoin(h => h.Id == g.HomeTeamId)
        from a in db.Teams.LeftJoin(a => a.Id == g.AwayTeamId)
        from d in db.GameDetails.LeftJoin(d => d.GameId == g.Id)
        from hl in db.TeamLogoVersions.LeftJoin(hl => hl.TeamId == g.HomeTeamId)
        from al in db.TeamLogoVersions.LeftJoin(al => al.TeamId == g.AwayTeamId)
        select new GameJoin { Game = g, League = l, Home = h, Away = a, Detail = d, HomeLogo = hl, AwayLogo = al };

    public static readonly Expression<Func<GameJoin, GameSummary>> ToSummary = j => new GameSummary
    {
        Id = j.Game.Id,
        LeagueId = j.Game.LeagueId,
        LeagueSlug = j.League.Slug,
        StartTime = j.Game.StartTime,
        GameDate = j.Game.GameDate,
        State = j.Game.State,
        Period = j.Game.Period,
        Clock = j.Game.Clock,
        Detail = j.Game.Detail,
        NeutralSite = j.Game.NeutralSite,
        ConferenceGame = j.Game.ConferenceGame,
        Broadcast = j.Game.Broadcast,
        Notes = j.Game.Notes,
        Tournament = j.Game.Tournament,
        TournamentRegion = j.Game.TournamentRegion,
        TournamentRound = j.Game.TournamentRound,
        BracketId = j.Game.BracketId,
        HomeSpread = j.Game.HomeSpread,
        OverUnder = j.Game.OverUnder,
        Season = j.Game.Season,
        SeasonType = j.Game.SeasonType,
        VenueName = j.Game.VenueName,
        VenueCity = j.Game.VenueCity,
        VenueState = j.Game.VenueState,
        UpdatedAt = j.Game.UpdatedAt,
        PulseScore = j.Game.PulseScore,
        PulseFactors = j.Game.PulseFactors,
        LastPlay = j.Detail!.LastPlayText,
        Leader = j.Detail!.LeaderText,
        DetailUpdatedAt = (DateTimeOffset?)j.Detail!.UpdatedAt,
        Home = new GameTeam(j.Game.HomeTeamId ?? 0, j.Home != null ? j.Home.Slug : GameTeam.UnknownSlug,
            j.Home != null ? j.Home.DisplayName : j.Game.HomePlaceholder ?? GameTeam.Unknown,
            j.Home != null ? j.Home.ShortName : j.Game.HomePlaceholder ?? GameTeam.Unknown, j.Home!.Abbreviation,
            j.Home.PrimaryColor, j.HomeLogo != null ? SiteUrls.Logo(j.HomeLogo.TeamId, j.HomeLogo.Version) : null, j.Game.HomeScore, j.Game.HomeRank, j.Game.HomeSeed, j.Game.HomeRecord,
            j.Home.ConferenceId, j.Game.HomeLineScores),
        Away = new GameTeam(j.Game.AwayTeamId ?? 0, j.Away != null ? j.Away.Slug : GameTeam.UnknownSlug,
            j.Away != null ? j.Away.DisplayName : j.Game.AwayPlaceholder ?? GameTeam.Unknown,
            j.Away != null ? j.Away.ShortName : j.Game.AwayPlaceholder ?? GameTeam.Unknown, j.Away!.Abbreviation,
            j.Away.PrimaryColor, j.AwayLogo != null ? SiteUrls.Logo(j.AwayLogo.TeamId, j.AwayLogo.Version) : null, j.Game.AwayScore, j.Game.AwayRank, j.Game.AwaySeed, j.Game.AwayRecord,
            j.Away.ConferenceId, j.Game.AwayLineScores),
    };
}
