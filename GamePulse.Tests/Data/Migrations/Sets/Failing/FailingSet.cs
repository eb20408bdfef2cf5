using FluentMigrator;
using GamePulse.Data.Migrations;

namespace GamePulse.Tests.Data.Migrations.Sets.Failing;

[Migration(1, "good")]
public sealed class M0001Good() : ScriptMigration("0001_good.sql");

// Creates a table, then fails: the table must not survive.
[Migration(2, "bad")]
public sealed class M0002Bad() : ScriptMigration("0002_bad.sql");
