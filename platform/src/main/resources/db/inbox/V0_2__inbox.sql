-- Consumer inbox: the id of every event whose effect has been committed, written in the same
-- transaction as that effect, so a redelivered event changes nothing.
CREATE TABLE consumed_event (
    event_id    uuid        PRIMARY KEY,
    event_type  text        NOT NULL,
    consumed_at timestamptz NOT NULL DEFAULT now()
);
