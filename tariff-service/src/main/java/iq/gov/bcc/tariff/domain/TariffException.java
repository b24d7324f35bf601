package iq.gov.bcc.tariff.domain;

/** A request the tariff rules cannot satisfy; the REST layer turns it into problem+json. */
public class TariffException extends RuntimeException {

    public enum Kind {
        NOT_FOUND, CONFLICT, INVALID
    }

    private final Kind kind;
    private final String field;

    public TariffException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static TariffException notFound(String message) {
        return new TariffException(Kind.NOT_FOUND, null, message);
    }

    public static TariffException conflict(String message) {
        return new TariffException(Kind.CONFLICT, null, message);
    }

    public static TariffException invalid(String field, String message) {
        return new TariffException(Kind.INVALID, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
