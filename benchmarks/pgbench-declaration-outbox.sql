-- pgbench: the issue's own yardstick for this machine ("a declaration row and an outbox row per
-- transaction reaches about 14,000 per second"), run beside our rows to show how fast this
-- machine's PostgreSQL is on the day of the run.
\set n random(1, 1000000000)
BEGIN;
INSERT INTO raw_declaration (id, crossing_code, reference, status, lane, lodged_at, recorded_at)
  VALUES (gen_random_uuid(), 'SHL', 'T' || :client_id || '-' || :n || '-' || clock_timestamp(), 'FILED', 'GREEN', now(), now());
INSERT INTO raw_outbox (event_id, topic, message_key, event_type, payload)
  VALUES (gen_random_uuid(), 'bcc.declarations.v1', :n::text, 'iq.bcc.declaration.filed.v1', repeat('x', 1400));
COMMIT;
