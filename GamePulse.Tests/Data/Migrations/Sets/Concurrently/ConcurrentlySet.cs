using FluentMigrator;
using GamePulse.Data.Migrations;

namespace GamePulse.Tests.Data.Migrations.Sets.Concurrently;

[Migration(1, "slow_things")]
public sealed class M0001SlowThings() : ScriptMigration("0001_slow_things.sql");

// CREATE INDEX CONCURRENTLY cannot run in a transaction, and waits for every older snapshot to end.
[Migration(2, TransactionBehavior.None, "slow_things_index")]
public sealed class M0002SlowThingsIndex() : ScriptMigration("0002_slow_things_index.sql");
