using GamePulse.Data.Seed;
using Npgsql;

namespace GamePulse.Data.Migrations;

/// <summary>Loads every D1 conference and team from the JSON embedded in Seed/.</summary>
public sealed record M0002SeedConferencesAndTeams() : CodeMigration(2, "seed_conferences_and_teams", "v1")
{
    public override Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        ReferenceDataSeeder.ApplyAsync(connection, transaction, cancellationToken);
}
