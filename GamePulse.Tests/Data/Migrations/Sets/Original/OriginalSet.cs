using FluentMigrator;
using GamePulse.Data.Migrations;

namespace GamePulse.Tests.Data.Migrations.Sets.Original;

// A released migration, as the database first sees it.
[Migration(1, "create_things")]
public sealed class M0001CreateThings() : ScriptMigration("0001_create_things.sql");
