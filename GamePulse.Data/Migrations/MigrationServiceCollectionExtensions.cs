using FluentMigrator;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace GamePulse.Data.Migrations;

public static class MigrationServiceCollectionExtensions
{
    /// <summary>
    /// FluentMigrator's runner over the registered <see cref="NpgsqlDataSource"/>, with the migrations of
    /// GamePulse.Data/Migrations, and the <see cref="DatabaseMigrator"/> around it.
    /// </summary>
    public static IServiceCollection AddGamePulseMigrations(this IServiceCollection services) =>
        services.AddGamePulseMigrations(typeof(M0001CoreSchema));

    /// <summary>The migrations in the namespace (not nested ones) and assembly of <paramref name="anchor"/>: tests bring their own sets.</summary>
    internal static IServiceCollection AddGamePulseMigrations(this IServiceCollection services, Type anchor)
    {
        services.AddFluentMigratorCore().ConfigureRunner(runner => runner
            .AddPostgres15_0()
            // FluentMigrator falls back to a connectionless "preview" processor without a connection string; the one it
            // is given is never used to connect (NpgsqlDataSourceProcessor takes its connection from the data source).
            .WithGlobalConnectionString(provider => provider.GetRequiredService<NpgsqlDataSource>().ConnectionString)
            // No statement timeout, as before: an index build on a large table may take minutes.
            .WithGlobalCommandTimeout(TimeSpan.Zero)
            .WithVersionTable(new VersionTable())
            .ScanIn(anchor.Assembly).For.Migrations().For.EmbeddedResources());
        services.Configure<TypeFilterOptions>(filter =>
        {
            filter.Namespace = anchor.Namespace;
            filter.NestedNamespaces = false;
        });
        services.RemoveAll<IMigrationProcessor>();
        services.AddScoped<IMigrationProcessor>(provider => ActivatorUtilities.CreateInstance<NpgsqlDataSourceProcessor>(provider));
        services.TryAddSingleton<DatabaseMigrator>();
        return services;
    }
}
