-- Schedules on Coravel (issue 13, docs/decisions/0107-coravel-schedules.md): the table each firing is claimed in, and
-- Quartz's own tables dropped. IF NOT EXISTS: a Worker built before this migration existed may have created the table.

-- 1. One row per schedule firing that a Worker claimed. Every Worker fires every tick; only the one whose insert of
--    (job, slot) succeeds does the work, so two Workers never both run a firing. Rows older than a day are pruned by
--    the claims themselves. The primary key is the only index needed (claims and prunes go by job and slot).
CREATE TABLE IF NOT EXISTS schedule_slots (
    job        text        NOT NULL,              -- 'scoreboard' or 'window' (as in ingest_runs.job)
    slot       timestamptz NOT NULL,              -- the firing's scheduled time (the tick, floored to its period)
    claimed_by text        NOT NULL,              -- host/pid/random of the Worker that ran it
    claimed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job, slot)
);

-- 2. Quartz is gone: drop every table Quartz 4.7 provisioned (ProvisionSchema created these 15 with prefix qrtz_;
--    checked against a database Quartz 4.7.3 set up). Dependants first: the four trigger detail tables reference
--    qrtz_triggers, which references qrtz_job_details; the others stand alone.
DROP TABLE IF EXISTS qrtz_fired_triggers;
DROP TABLE IF EXISTS qrtz_paused_trigger_grps;
DROP TABLE IF EXISTS qrtz_paused_job_grps;
DROP TABLE IF EXISTS qrtz_scheduler_state;
DROP TABLE IF EXISTS qrtz_locks;
DROP TABLE IF EXISTS qrtz_simprop_triggers;
DROP TABLE IF EXISTS qrtz_simple_triggers;
DROP TABLE IF EXISTS qrtz_cron_triggers;
DROP TABLE IF EXISTS qrtz_blob_triggers;
DROP TABLE IF EXISTS qrtz_triggers;
DROP TABLE IF EXISTS qrtz_job_status;
DROP TABLE IF EXISTS qrtz_execution_history;
DROP TABLE IF EXISTS qrtz_misfire_history;
DROP TABLE IF EXISTS qrtz_job_details;
DROP TABLE IF EXISTS qrtz_calendars;
