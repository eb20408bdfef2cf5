using FluentMigrator;
using GamePulse.Data.Seed;
using Npgsql;

namespace GamePulse.Data.Migrations;

/// <summary>Loads every D1 conference and team from the JSON embedded in Seed/, on FluentMigrator's connection and transaction.</summary>
[Migration(2, "seed_conferences_and_teams")]
public sealed class M0002SeedConferencesAndTeams() : CodeMigration("v1")
{
    protected override void Apply() =>
        Execute.WithConnection((connection, transaction) =>
            ReferenceDataSeeder.Apply((NpgsqlConnection)connection, (NpgsqlTransaction?)transaction));
}
