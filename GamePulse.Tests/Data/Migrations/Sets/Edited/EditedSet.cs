using FluentMigrator;
using GamePulse.Data.Migrations;

namespace GamePulse.Tests.Data.Migrations.Sets.Edited;

// The same version as Sets.Original with an edited script, and a new migration after it.
[Migration(1, "create_things")]
public sealed class M0001CreateThings() : ScriptMigration("0001_create_things.sql");

[Migration(2, "more_things")]
public sealed class M0002MoreThings() : ScriptMigration("0002_more_things.sql");
