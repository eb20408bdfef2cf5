using GamePulse.Data.Accounts;
using GamePulse.Data.Conferences;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Leagues;
using GamePulse.Data.Migrations;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GamePulse.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the one <see cref="NpgsqlDataSource"/> of the process and the repositories over it.</summary>
    public static IServiceCollection AddGamePulseData(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => CreateDataSource(connectionString));
        services.AddSingleton<GamePulseDbFactory>();
        services.AddGamePulseMigrations();
        services.AddSingleton<LeagueRepository>();
        services.AddSingleton<ConferenceRepository>();
        services.AddSingleton<TeamRepository>();
        services.AddSingleton<RankingRepository>();
        services.AddSingleton<Teams.Logos.TeamLogoRepository>();
        services.AddSingleton<GameRepository>();
        services.AddSingleton<Games.Detail.GameDetailRepository>();
        services.AddSingleton<Games.Detail.SummaryFetchRepository>();
        services.AddSingleton<PulseRepository>();
        services.AddSingleton<IngestRunRepository>();
        services.AddAccountsData();
        return services;
    }

    /// <summary>
    /// The process's one pool. Statements are prepared automatically once used twice: the site runs the same few
    /// queries on every request, and planning them cost PostgreSQL more CPU than running them (docs/decisions/0411).
    /// A connection string that sets Max Auto Prepare itself keeps its value (0 turns preparing off).
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = "gamepulse" };
        var settings = builder.ConnectionStringBuilder;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }
}
