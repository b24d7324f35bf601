-- When the audit service committed each fact: with the producer's recorded_at, the end-to-end lag
-- from a crossing's acknowledged write to the auditors' view (docs/benchmarks.md).
ALTER TABLE correlation_fact ADD COLUMN consumed_at timestamptz NOT NULL DEFAULT clock_timestamp();
