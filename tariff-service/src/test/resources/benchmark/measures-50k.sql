-- BENCHMARK DATA, NOT THE LEGAL SCHEDULE. Loads exactly 50,000 measure rows (recorded_by = 'benchmark',
-- sample = true) on top of the SAMPLE schedule, spread like a real tariff: every HS heading and
-- subheading of the shipped nomenclature (except those the sample schedule already covers for ALL
-- origins) gets
--   * an ALL-origins measure that ended on 2024-07-01 (history in valid time),
--   * its successor from 2024-07-01 in two versions (v1 closed in system time on 2025-03-01, v2
--     current), about 5 % of them SPECIFIC per kg, 5 % COMPOUND with a minimum, 5 % with a maximum,
-- and the rest of the 50,000 are country measures (IR, TR, CN) and group measures (GCC without QA,
-- ARAB_LEAGUE without SY, EU) on a deterministic pseudo-random choice of codes, starting in 2023.
-- No two current measures for one prefix and origin overlap (the rule POST /measures enforces).
-- Re-runnable: it first deletes the previous benchmark rows. Used by AssessmentBenchmark (in-process)
-- and benchmark/http-benchmark.sh (psql into the service's database).

DELETE FROM measure WHERE recorded_by = 'benchmark';

CREATE TEMP TABLE bench_code AS
SELECT c.code,
       abs(hashtext(c.code)) AS h,
       (ARRAY[0, 10, 15, 30])[1 + (substr(c.code, 1, 2)::int % 4)] AS band
FROM commodity c
WHERE c.level IN (4, 6) AND NOT c.national
  AND NOT EXISTS (SELECT 1 FROM measure m WHERE m.hs_prefix = c.code AND m.origin_scope = 'ALL');

INSERT INTO measure (row_id, measure_id, version, hs_prefix, origin_scope, origin_code, excluded_countries,
                     duty_type, ad_valorem_percent, specific_amount_iqd, specific_unit, minimum_iqd, maximum_iqd,
                     valid_from, valid_to, legal_basis, sample, change_reason, recorded_by, recorded_at,
                     superseded_at)
SELECT md5('bench-row-old-' || code)::uuid, md5('bench-old-' || code)::uuid, 1, code, 'ALL', NULL, '',
       'AD_VALOREM', band + 5, NULL, NULL, NULL, NULL, DATE '2020-01-01', DATE '2024-07-01',
       'BENCHMARK DATA — not the legal schedule (band until mid-2024)', true, NULL, 'benchmark',
       TIMESTAMPTZ '2020-01-01 00:00:00+00', NULL
FROM bench_code;

INSERT INTO measure (row_id, measure_id, version, hs_prefix, origin_scope, origin_code, excluded_countries,
                     duty_type, ad_valorem_percent, specific_amount_iqd, specific_unit, minimum_iqd, maximum_iqd,
                     valid_from, valid_to, legal_basis, sample, change_reason, recorded_by, recorded_at,
                     superseded_at)
SELECT md5('bench-row-v1-' || code)::uuid, md5('bench-' || code)::uuid, 1, code, 'ALL', NULL, '',
       'AD_VALOREM', band + 1, NULL, NULL, NULL, NULL, DATE '2024-07-01', NULL,
       'BENCHMARK DATA — not the legal schedule (band from mid-2024, first version)', true, NULL, 'benchmark',
       TIMESTAMPTZ '2024-06-01 00:00:00+00', TIMESTAMPTZ '2025-03-01 00:00:00+00'
FROM bench_code;

INSERT INTO measure (row_id, measure_id, version, hs_prefix, origin_scope, origin_code, excluded_countries,
                     duty_type, ad_valorem_percent, specific_amount_iqd, specific_unit, minimum_iqd, maximum_iqd,
                     valid_from, valid_to, legal_basis, sample, change_reason, recorded_by, recorded_at,
                     superseded_at)
SELECT md5('bench-row-v2-' || code)::uuid, md5('bench-' || code)::uuid, 2, code, 'ALL', NULL, '',
       CASE h % 20 WHEN 0 THEN 'SPECIFIC' WHEN 1 THEN 'COMPOUND' ELSE 'AD_VALOREM' END,
       CASE h % 20 WHEN 0 THEN NULL WHEN 1 THEN 10 ELSE band END,
       CASE h % 20 WHEN 0 THEN 50 + h % 200 WHEN 1 THEN 20 ELSE NULL END,
       CASE h % 20 WHEN 0 THEN 'KG' WHEN 1 THEN 'UNIT' ELSE NULL END,
       CASE h % 20 WHEN 1 THEN 10000 ELSE NULL END,
       CASE h % 20 WHEN 2 THEN 5000000 ELSE NULL END,
       DATE '2024-07-01', NULL,
       'BENCHMARK DATA — not the legal schedule (band from mid-2024, corrected)', true,
       'correction of the first version', 'benchmark', TIMESTAMPTZ '2025-03-01 00:00:00+00', NULL
FROM bench_code;

INSERT INTO measure (row_id, measure_id, version, hs_prefix, origin_scope, origin_code, excluded_countries,
                     duty_type, ad_valorem_percent, valid_from, legal_basis, sample, recorded_by, recorded_at)
SELECT md5('bench-row-' || v.tag || '-' || c.code)::uuid, md5('bench-' || v.tag || '-' || c.code)::uuid, 1,
       c.code, v.scope, v.origin, v.excluded, 'AD_VALOREM',
       CASE v.scope WHEN 'COUNTRY' THEN greatest(c.band - 5, 0) ELSE c.band / 2.0 END,
       DATE '2023-01-01' + (c.h % 700)::int,
       'BENCHMARK DATA — not the legal schedule (' || v.tag || ' preference)', true, 'benchmark',
       TIMESTAMPTZ '2023-01-01 00:00:00+00'
FROM bench_code c
CROSS JOIN (VALUES ('IR', 'COUNTRY', 'IR', ''), ('TR', 'COUNTRY', 'TR', ''), ('CN', 'COUNTRY', 'CN', ''),
                   ('GCC', 'GROUP', 'GCC', 'QA'), ('ARAB', 'GROUP', 'ARAB_LEAGUE', 'SY'),
                   ('EU', 'GROUP', 'EU', '')) AS v(tag, scope, origin, excluded)
ORDER BY md5(v.tag || c.code)
LIMIT (SELECT 50000 - count(*) FROM measure WHERE recorded_by = 'benchmark');

DROP TABLE bench_code;
ANALYZE measure;
