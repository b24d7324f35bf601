-- SAMPLE DATA, NOT THE LEGAL SCHEDULE. A realistic-looking starting point for local runs and demos:
-- Iraq's customs rate bands (0, 10, 15, 30 %) by HS chapter plus a few specific and compound duties,
-- and indicative exchange rates. Every row is flagged sample = true and its legal basis/source says so.
-- Load the real schedule with POST /api/v1/measures/import (CSV) and real rates with POST /api/v1/exchange-rates.

INSERT INTO measure (row_id, measure_id, version, hs_prefix, origin_scope, origin_code, duty_type,
                     ad_valorem_percent, valid_from, legal_basis, sample, recorded_by, recorded_at)
SELECT md5('sample-measure-row-' || ch)::uuid, md5('sample-measure-' || ch)::uuid, 1, ch, 'ALL', NULL, 'AD_VALOREM',
       CASE
           WHEN ch IN ('01', '10', '12', '30', '31', '49') THEN 0
           WHEN ch IN ('22', '24', '71', '93', '97') THEN 30
           WHEN ch IN ('33', '42', '61', '62', '63', '64', '65', '87', '94', '95', '96') THEN 15
           ELSE 10
       END,
       DATE '2024-01-01', 'SAMPLE — not the legal schedule (rate band by chapter)', true, 'sample-data',
       TIMESTAMPTZ '2024-01-01 00:00:00+00'
FROM (SELECT lpad(n::text, 2, '0') AS ch FROM generate_series(1, 97) AS n WHERE n <> 77) AS chapters;

INSERT INTO measure (row_id, measure_id, version, hs_prefix, origin_scope, origin_code, duty_type,
                     ad_valorem_percent, specific_amount_iqd, specific_unit, minimum_iqd, maximum_iqd,
                     valid_from, legal_basis, sample, recorded_by, recorded_at)
VALUES
    (md5('sample-measure-row-1701')::uuid, md5('sample-measure-1701')::uuid, 1, '1701', 'ALL', NULL, 'SPECIFIC',
     NULL, 100.000, 'KG', NULL, NULL, DATE '2024-01-01', 'SAMPLE — not the legal schedule (sugar, specific duty)',
     true, 'sample-data', TIMESTAMPTZ '2024-01-01 00:00:00+00'),
    (md5('sample-measure-row-2402')::uuid, md5('sample-measure-2402')::uuid, 1, '2402', 'ALL', NULL, 'COMPOUND',
     30.0000, 25.000, 'UNIT', NULL, NULL, DATE '2024-01-01',
     'SAMPLE — not the legal schedule (cigarettes, compound duty)', true, 'sample-data',
     TIMESTAMPTZ '2024-01-01 00:00:00+00'),
    (md5('sample-measure-row-2523')::uuid, md5('sample-measure-2523')::uuid, 1, '2523', 'ALL', NULL, 'SPECIFIC',
     NULL, 25.000, 'KG', NULL, NULL, DATE '2024-01-01', 'SAMPLE — not the legal schedule (cement, specific duty)',
     true, 'sample-data', TIMESTAMPTZ '2024-01-01 00:00:00+00'),
    (md5('sample-measure-row-7214')::uuid, md5('sample-measure-7214')::uuid, 1, '7214', 'ALL', NULL, 'AD_VALOREM',
     15.0000, NULL, NULL, NULL, NULL, DATE '2024-01-01',
     'SAMPLE — not the legal schedule (reinforcing bars)', true, 'sample-data', TIMESTAMPTZ '2024-01-01 00:00:00+00'),
    (md5('sample-measure-row-8703')::uuid, md5('sample-measure-8703')::uuid, 1, '8703', 'ALL', NULL, 'AD_VALOREM',
     15.0000, NULL, NULL, 1500000.000, NULL, DATE '2024-01-01',
     'SAMPLE — not the legal schedule (passenger cars, with minimum)', true, 'sample-data',
     TIMESTAMPTZ '2024-01-01 00:00:00+00');

INSERT INTO exchange_rate (id, currency, rate_to_iqd, valid_from, source, sample, recorded_by, recorded_at)
VALUES
    (md5('sample-rate-USD')::uuid, 'USD', 1310.000000, DATE '2024-01-01', 'SAMPLE — indicative rate, not the CBI rate', true, 'sample-data', TIMESTAMPTZ '2024-01-01 00:00:00+00'),
    (md5('sample-rate-EUR')::uuid, 'EUR', 1420.000000, DATE '2024-01-01', 'SAMPLE — indicative rate, not the CBI rate', true, 'sample-data', TIMESTAMPTZ '2024-01-01 00:00:00+00'),
    (md5('sample-rate-TRY')::uuid, 'TRY',   38.000000, DATE '2024-01-01', 'SAMPLE — indicative rate, not the CBI rate', true, 'sample-data', TIMESTAMPTZ '2024-01-01 00:00:00+00'),
    (md5('sample-rate-IRR')::uuid, 'IRR',    0.031000, DATE '2024-01-01', 'SAMPLE — indicative rate, not the CBI rate', true, 'sample-data', TIMESTAMPTZ '2024-01-01 00:00:00+00'),
    (md5('sample-rate-JOD')::uuid, 'JOD', 1847.000000, DATE '2024-01-01', 'SAMPLE — indicative rate, not the CBI rate', true, 'sample-data', TIMESTAMPTZ '2024-01-01 00:00:00+00'),
    (md5('sample-rate-SAR')::uuid, 'SAR',  349.000000, DATE '2024-01-01', 'SAMPLE — indicative rate, not the CBI rate', true, 'sample-data', TIMESTAMPTZ '2024-01-01 00:00:00+00'),
    (md5('sample-rate-KWD')::uuid, 'KWD', 4260.000000, DATE '2024-01-01', 'SAMPLE — indicative rate, not the CBI rate', true, 'sample-data', TIMESTAMPTZ '2024-01-01 00:00:00+00');
