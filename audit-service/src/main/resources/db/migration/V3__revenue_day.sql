-- Revenue per business day (in ${zone}) and crossing of the filed declarations lodged that day, kept
-- current in the same transactions as declaration_state, so revenue and scorecards read days, not
-- every declaration of the period.
CREATE TABLE revenue_day (
    crossing_code      text           NOT NULL,
    day                date           NOT NULL,
    declarations       bigint         NOT NULL DEFAULT 0,
    released           bigint         NOT NULL DEFAULT 0,
    released_off_hours bigint         NOT NULL DEFAULT 0,
    assessed_iqd       numeric(24, 3) NOT NULL DEFAULT 0,
    collected_iqd      numeric(24, 3) NOT NULL DEFAULT 0,
    PRIMARY KEY (crossing_code, day)
);
CREATE INDEX revenue_day_by_day ON revenue_day (day);

INSERT INTO revenue_day (crossing_code, day, declarations, released, released_off_hours, assessed_iqd, collected_iqd)
SELECT crossing_code, (lodged_at AT TIME ZONE '${zone}')::date, count(*), count(released_at),
       count(*) FILTER (WHERE released_off_hours), COALESCE(sum(duty_iqd), 0), COALESCE(sum(paid_iqd), 0)
FROM declaration_state
WHERE filed AND lodged_at IS NOT NULL AND crossing_code IS NOT NULL
GROUP BY 1, 2;
