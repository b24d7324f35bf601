package iq.gov.bcc.declaration.domain;

/** Selectivity lane: GREEN release, YELLOW documentary check, RED physical inspection, BLUE release and audit later. */
public enum Lane {
    GREEN(0), BLUE(1), YELLOW(2), RED(3);

    private final int severity;

    Lane(int severity) {
        this.severity = severity;
    }

    /** The stricter of two lanes: risk rules only ever tighten control. */
    public Lane stricter(Lane other) {
        return other != null && other.severity > severity ? other : this;
    }
}
