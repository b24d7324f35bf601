-- A counter that moves with every change to measures or exchange rates. The trigger runs in the writing
-- transaction, so the new value becomes visible exactly when the change commits (a sequence would not:
-- nextval is visible before commit). Each service instance keeps the current measures and rates in
-- memory for assessments (CurrentTariff) and reads this one row per assessment: when the value differs
-- from the one its copy was loaded at, it reloads before assessing. Every replica therefore sees a
-- committed change on its next assessment, and direct SQL changes are covered too.
CREATE TABLE tariff_revision (
    id       smallint PRIMARY KEY CHECK (id = 1),
    revision bigint   NOT NULL
);
INSERT INTO tariff_revision (id, revision) VALUES (1, 1);

CREATE FUNCTION tariff_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tariff_revision SET revision = revision + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER measure_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON measure
    FOR EACH STATEMENT EXECUTE FUNCTION tariff_revision_bump();
CREATE TRIGGER exchange_rate_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON exchange_rate
    FOR EACH STATEMENT EXECUTE FUNCTION tariff_revision_bump();
