using System.Linq.Expressions;
using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;

namespace GamePulse.Data.Games;

/// <summary>A stored game with its league and both teams, before it is projected.</summary>
internal sealed record GameJoin
{
    public required GameRow Game { get; init; }
    public required League League { get; init; }
    public required TeamRow Home { get; init; }
    public required TeamRow Away { get; init; }

    /// <summary>The game's detail row (the cards' last play and leader), null when no summary was stored.</summary>
    public Detail.GameDetailRow? Detail { get; init; }
}

/// <summary>
/// The one mapping from stored rows to <see cref="GameSummary"/>: every read of games with their teams (scoreboards,
/// team pages, the game page, Pulse's best games) filters and orders <see cref="Joined"/> and ends with
/// <see cref="ToSummary"/>, so a column added to the read model is added here once.
/// </summary>
internal static class GameSummaries
{
    public static IQueryable<GameJoin> Joined(this GamePulseDb db) =>
        from g in db.Games
        join l in db.Leagues on g.LeagueId equals l.Id
        join h in db.Teams on g.HomeTeamId equals h.Id
        join a in db.Teams on g.AwayTeamId equals a.Id
        from d in db.GameDetails.Where(d => d.GameId == g.Id).DefaultIfEmpty()
        select new GameJoin { Game = g, League = l, Home = h, Away = a, Detail = d };

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
        Home = new GameTeam(j.Home.Id, j.Home.Slug, j.Home.DisplayName, j.Home.ShortName, j.Home.Abbreviation,
            j.Home.PrimaryColor, j.Home.LogoUrl, j.Game.HomeScore, j.Game.HomeRank, j.Game.HomeSeed, j.Game.HomeRecord,
            j.Home.ConferenceId, j.Game.HomeLineScores),
        Away = new GameTeam(j.Away.Id, j.Away.Slug, j.Away.DisplayName, j.Away.ShortName, j.Away.Abbreviation,
            j.Away.PrimaryColor, j.Away.LogoUrl, j.Game.AwayScore, j.Game.AwayRank, j.Game.AwaySeed, j.Game.AwayRecord,
            j.Away.ConferenceId, j.Game.AwayLineScores),
    };
}
