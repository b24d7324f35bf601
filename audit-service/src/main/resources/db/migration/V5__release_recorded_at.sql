-- When the release was recorded (later than released_at when an offline crossing uploads it late): the
-- unpaid-release grace runs from the later of the two, and the sweep selects by the same instant as the
-- rule. Rows released before this column existed keep it empty and are selected by released_at (earlier,
-- so never missed) until their next evaluation fills it.
ALTER TABLE declaration_state ADD COLUMN release_recorded_at timestamptz;
