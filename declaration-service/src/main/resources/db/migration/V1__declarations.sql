-- Declarations as the crossings filed them. Versions, weighings, inspections and receipts are
-- append-only: a trigger refuses UPDATE and DELETE, so history cannot be rewritten through the
-- service or behind its back without dropping the trigger.

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TABLE declaration (
    id                  uuid PRIMARY KEY,
    crossing_code       text        NOT NULL,
    reference           text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('FILED', 'RELEASED', 'DISCHARGED')),
    lane                text        NOT NULL CHECK (lane IN ('GREEN', 'YELLOW', 'RED', 'BLUE')),
    lane_rule           text        NOT NULL,
    current_version     integer     NOT NULL,
    -- the current version's values, kept here for listing and access checks
    direction           text        NOT NULL CHECK (direction IN ('IMPORT', 'EXPORT', 'TRANSIT')),
    exit_crossing_code  text,
    transit_deadline    timestamptz,
    lodged_at           timestamptz NOT NULL,
    trader_tax_id       text        NOT NULL,
    -- SHA-256 of the first filing's body: a repost with the same body is the same declaration
    filing_fingerprint  text        NOT NULL,
    recorded_at         timestamptz NOT NULL,
    released_at         timestamptz,
    release_recorded_at timestamptz,
    exited_at           timestamptz,
    exit_recorded_at    timestamptz,
    CONSTRAINT declaration_reference_per_crossing UNIQUE (crossing_code, reference)
);
CREATE INDEX declaration_by_lodgement ON declaration (lodged_at, id);
CREATE INDEX declaration_by_crossing ON declaration (crossing_code, lodged_at, id);
CREATE INDEX declaration_by_status ON declaration (status, lodged_at, id);

CREATE TABLE declaration_version (
    declaration_id     uuid        NOT NULL REFERENCES declaration (id),
    version            integer     NOT NULL,
    direction          text        NOT NULL,
    exit_crossing_code text,
    transit_deadline   timestamptz,
    lodged_at          timestamptz NOT NULL,
    trader_tax_id      text        NOT NULL,
    trader_name        text        NOT NULL,
    vehicle_plate      text        NOT NULL,
    origin_country     text        NOT NULL,
    items              jsonb       NOT NULL,
    reason             text,
    content_fingerprint text       NOT NULL,
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL,
    PRIMARY KEY (declaration_id, version)
);
CREATE TRIGGER declaration_version_append_only BEFORE UPDATE OR DELETE ON declaration_version
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE weighing (
    id              uuid PRIMARY KEY,
    declaration_id  uuid          NOT NULL REFERENCES declaration (id),
    gross_weight_kg numeric(15,3) NOT NULL CHECK (gross_weight_kg > 0),
    scale_id        text          NOT NULL,
    weighed_at      timestamptz   NOT NULL,
    recorded_at     timestamptz   NOT NULL,
    recorded_by     text          NOT NULL,
    -- a retried upload of the same ticket is the same weighing
    CONSTRAINT weighing_ticket UNIQUE (declaration_id, scale_id, weighed_at)
);
CREATE TRIGGER weighing_append_only BEFORE UPDATE OR DELETE ON weighing
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE inspection (
    id             uuid PRIMARY KEY,
    declaration_id uuid        NOT NULL REFERENCES declaration (id),
    channel        text        NOT NULL CHECK (channel IN ('GREEN', 'YELLOW', 'RED')),
    outcome        text        NOT NULL CHECK (outcome IN ('CONFORMS', 'NON_CONFORMING', 'SEIZED')),
    remarks        text,
    inspected_at   timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL,
    recorded_by    text        NOT NULL,
    CONSTRAINT inspection_report UNIQUE (declaration_id, channel, inspected_at)
);
CREATE TRIGGER inspection_append_only BEFORE UPDATE OR DELETE ON inspection
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE payment_receipt (
    id                uuid PRIMARY KEY,
    crossing_code     text          NOT NULL,
    receipt_number    text          NOT NULL,
    -- deliberately no foreign key: a receipt naming an unknown declaration is recorded for audit
    declaration_id    uuid          NOT NULL,
    declaration_known boolean       NOT NULL,
    amount            numeric(18,3) NOT NULL CHECK (amount > 0),
    currency          text          NOT NULL,
    method            text          NOT NULL CHECK (method IN ('CASH', 'TRANSFER')),
    paid_at           timestamptz   NOT NULL,
    fingerprint       text          NOT NULL,
    recorded_at       timestamptz   NOT NULL,
    recorded_by       text          NOT NULL,
    CONSTRAINT receipt_number_per_crossing UNIQUE (crossing_code, receipt_number)
);
CREATE INDEX payment_receipt_by_declaration ON payment_receipt (declaration_id);
CREATE TRIGGER payment_receipt_append_only BEFORE UPDATE OR DELETE ON payment_receipt
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
