package iq.gov.bcc.localstack;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Who calls an endpoint in the security matrix of each service: nobody, six kinds of bearer token that
 * must be refused (401), and each role of the realm, a crossing system calling for its own crossing
 * (SHL) or for another one's data.
 */
public enum Caller {

    NO_TOKEN(false, () -> null),
    EXPIRED(false, () -> Tokens.expired("SHL")),
    FORGED_SIGNATURE(false, () -> UntrustedTokens.selfSigned(Tokens.crossing("SHL"))),
    OTHER_ISSUER(false, () -> UntrustedTokens.otherIssuer(Tokens.crossing("SHL"))),
    UNSIGNED(false, () -> UntrustedTokens.unsigned(Tokens.crossing("SHL"))),
    SELF_GRANTED_ROLE(false, () -> UntrustedTokens.withAddedRole(Tokens.crossing("SHL"), "senior-auditor")),
    OTHER_REALM(false, UntrustedTokens::otherRealm),
    CROSSING_SHL(true, () -> Tokens.crossing("SHL")),
    CROSSING_TRB(true, () -> Tokens.crossing("TRB")),
    AUDITOR(true, () -> Tokens.user("auditor")),
    SENIOR_AUDITOR(true, () -> Tokens.user("senior")),
    TARIFF_ADMIN(true, () -> Tokens.user("tariff-admin"));

    private final boolean authentic;
    private final Supplier<String> token;

    Caller(boolean authentic, Supplier<String> token) {
        this.authentic = authentic;
        this.token = token;
    }

    /** Whether the service must accept who this is (and then decide by role); if not, the answer is 401. */
    public boolean authentic() {
        return authentic;
    }

    /** The bearer token, or null for {@link #NO_TOKEN}. */
    public String token() {
        return token.get();
    }

    /**
     * Proves that a service refuses a token because it expired and for no other reason: a fresh
     * crossing token living 10 s is accepted by {@code statusOf} (an authorised read answering 200),
     * then refused with 401, and not before its {@code exp}. Throws AssertionError otherwise.
     */
    public static void assertRefusedOnlyOnceExpired(ToIntFunction<String> statusOf) {
        String token = Tokens.shortLived("SHL", 10);
        Instant expiresAt = Tokens.expiresAt(token);
        int first = statusOf.applyAsInt(token);
        if (first != 200) {
            throw new AssertionError("a current token was answered " + first);
        }
        Instant deadline = expiresAt.plusSeconds(30);
        while (statusOf.applyAsInt(token) != 401) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("a token expired at " + expiresAt + " is still accepted");
            }
            ServerProcess.sleep(250);
        }
        Instant refusedAt = Instant.now();
        if (refusedAt.isBefore(expiresAt)) {
            throw new AssertionError("refused at " + refusedAt + ", before it expired at " + expiresAt);
        }
    }

    /** The roles the realm gives this caller. */
    public boolean is(String role) {
        return switch (this) {
            case CROSSING_SHL, CROSSING_TRB -> role.equals("crossing-system");
            case AUDITOR -> role.equals("auditor");
            case SENIOR_AUDITOR -> role.equals("senior-auditor");
            case TARIFF_ADMIN -> role.equals("tariff-admin");
            default -> false;
        };
    }
}
