-- tariff-service schema. Business dates (validity) are Baghdad calendar days, [valid_from, valid_to);
-- system times are timestamptz in UTC. Nothing is ever updated in place where history matters:
-- a measure or rate change adds a row and closes the previous one's system time (superseded_at).

CREATE TABLE hs_section (
    section     varchar(8) PRIMARY KEY,
    name        text       NOT NULL
);

-- HS 2022 (2/4/6 digits, shipped with the service) and national codes (8-10 digits, added by admins).
CREATE TABLE commodity (
    code        varchar(10) PRIMARY KEY,
    level       smallint    NOT NULL,
    parent      varchar(10),
    section     varchar(8),
    description text        NOT NULL,
    national    boolean     NOT NULL DEFAULT false,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT commodity_code_digits CHECK (code ~ '^[0-9]{2,10}$')
);
CREATE INDEX commodity_parent_idx ON commodity (parent);
CREATE INDEX commodity_code_prefix_idx ON commodity (code varchar_pattern_ops);

-- One row per version of a measure (bitemporal: valid_* is business time, recorded_at/superseded_at
-- system time). The current belief is the row with superseded_at IS NULL.
CREATE TABLE measure (
    row_id              uuid          PRIMARY KEY,
    measure_id          uuid          NOT NULL,
    version             integer       NOT NULL,
    hs_prefix           varchar(10)   NOT NULL,
    origin_scope        varchar(10)   NOT NULL,
    origin_code         varchar(20),
    excluded_countries  text          NOT NULL DEFAULT '',
    duty_type           varchar(12)   NOT NULL,
    ad_valorem_percent  numeric(9,4),
    specific_amount_iqd numeric(19,3),
    specific_unit       varchar(8),
    minimum_iqd         numeric(19,3),
    maximum_iqd         numeric(19,3),
    valid_from          date          NOT NULL,
    valid_to            date,
    legal_basis         text          NOT NULL,
    sample              boolean       NOT NULL DEFAULT false,
    change_reason       text,
    recorded_by         text          NOT NULL,
    recorded_at         timestamptz   NOT NULL,
    superseded_at       timestamptz,
    CONSTRAINT measure_version_unique UNIQUE (measure_id, version),
    CONSTRAINT measure_scope CHECK (origin_scope IN ('ALL', 'GROUP', 'COUNTRY')),
    CONSTRAINT measure_type CHECK (duty_type IN ('AD_VALOREM', 'SPECIFIC', 'COMPOUND')),
    CONSTRAINT measure_validity CHECK (valid_to IS NULL OR valid_to > valid_from),
    CONSTRAINT measure_system_time CHECK (superseded_at IS NULL OR superseded_at >= recorded_at)
);
CREATE INDEX measure_prefix_idx ON measure (hs_prefix, valid_from);
CREATE UNIQUE INDEX measure_current_idx ON measure (measure_id) WHERE superseded_at IS NULL;

CREATE TABLE exchange_rate (
    id            uuid          PRIMARY KEY,
    currency      varchar(3)    NOT NULL,
    rate_to_iqd   numeric(19,6) NOT NULL CHECK (rate_to_iqd > 0),
    valid_from    date          NOT NULL,
    valid_to      date,
    source        text          NOT NULL,
    sample        boolean       NOT NULL DEFAULT false,
    recorded_by   text          NOT NULL,
    recorded_at   timestamptz   NOT NULL,
    superseded_at timestamptz,
    CONSTRAINT exchange_rate_validity CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX exchange_rate_lookup_idx ON exchange_rate (currency, valid_from);
CREATE UNIQUE INDEX exchange_rate_current_idx ON exchange_rate (currency, valid_from) WHERE superseded_at IS NULL;

CREATE TABLE exemption_licence (
    number                   varchar(40)   PRIMARY KEY,
    holder_tax_id            varchar(40)   NOT NULL,
    holder_name              text          NOT NULL,
    kind                     varchar(16)   NOT NULL,
    hs_scope                 text          NOT NULL,
    quantity_quota_kg        numeric(19,3),
    quantity_used_kg         numeric(19,3) NOT NULL DEFAULT 0,
    value_quota_iqd          numeric(19,3),
    value_used_iqd           numeric(19,3) NOT NULL DEFAULT 0,
    valid_from               date          NOT NULL,
    valid_to                 date,
    implementation_rate      numeric(5,2),
    legal_basis              text          NOT NULL,
    status                   varchar(10)   NOT NULL,
    issued_at                timestamptz   NOT NULL,
    revoked_at               timestamptz,
    revocation_effective_from date,
    revocation_reason        text,
    revocation_legal_basis   text,
    row_version              integer       NOT NULL DEFAULT 0,
    CONSTRAINT licence_kind CHECK (kind IN ('INVESTMENT', 'STATE', 'INSTITUTIONAL', 'OTHER')),
    CONSTRAINT licence_status CHECK (status IN ('ACTIVE', 'REVOKED')),
    CONSTRAINT licence_validity CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX exemption_licence_kind_idx ON exemption_licence (kind, status);

-- Quota consumed by one item of one assessed declaration version; released when an amendment is assessed.
CREATE TABLE exemption_use (
    id                  uuid          PRIMARY KEY,
    licence_number      varchar(40)   NOT NULL REFERENCES exemption_licence (number),
    declaration_id      uuid          NOT NULL,
    declaration_version integer       NOT NULL,
    line                integer       NOT NULL,
    quantity_kg         numeric(19,3) NOT NULL,
    value_iqd           numeric(19,3) NOT NULL,
    used_at             timestamptz   NOT NULL,
    released_at         timestamptz
);
CREATE INDEX exemption_use_declaration_idx ON exemption_use (declaration_id);

CREATE TABLE assessment (
    id                       uuid          PRIMARY KEY,
    declaration_id           uuid          NOT NULL,
    declaration_version      integer       NOT NULL,
    crossing_code            varchar(8)    NOT NULL,
    lodged_at                timestamptz   NOT NULL,
    assessed_at              timestamptz   NOT NULL,
    total_customs_value_iqd  numeric(21,3) NOT NULL,
    total_duty_iqd           numeric(21,3) NOT NULL,
    source_event_id          uuid,
    document                 text          NOT NULL,
    CONSTRAINT assessment_version_unique UNIQUE (declaration_id, declaration_version)
);
