-- pgbench: the raw database cost of one declaration post: a declaration row, a version row with
-- its items as JSON, and an outbox row, in one transaction.
\set n random(1, 1000000000)
BEGIN;
INSERT INTO raw_declaration (id, crossing_code, reference, status, lane, lodged_at, recorded_at)
  VALUES (gen_random_uuid(), 'SHL', 'P' || :client_id || '-' || :n || '-' || clock_timestamp(), 'FILED', 'GREEN', now(), now());
INSERT INTO raw_version (id, version, trader_name, items, recorded_at)
  VALUES (gen_random_uuid(), 1, 'شركة البصرة للحديد', '[{"line":1,"hsCode":"721420","netWeightKg":24000,"customsValue":{"amount":"13200.00","currency":"USD"}},{"line":2,"hsCode":"252329","netWeightKg":6000,"customsValue":{"amount":"420.00","currency":"USD"}}]', now());
INSERT INTO raw_outbox (event_id, topic, message_key, event_type, payload)
  VALUES (gen_random_uuid(), 'bcc.declarations.v1', :n::text, 'iq.bcc.declaration.filed.v1', repeat('x', 1400));
COMMIT;
