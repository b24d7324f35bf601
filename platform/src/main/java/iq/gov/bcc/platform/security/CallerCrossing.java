package iq.gov.bcc.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The crossing a machine client speaks for: the {@code crossing_code} claim its Keycloak client puts
 * in every token. A crossing writes only for itself.
 */
@RequestScoped
public class CallerCrossing {

    public static final String CLAIM = "crossing_code";
    public static final String CROSSING_SYSTEM = "crossing-system";

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    CallerCrossing(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public Optional<String> code() {
        Object claim = token.getClaim(CLAIM);
        return claim == null ? Optional.empty() : Optional.of(claim.toString().replace("\"", ""));
    }

    public boolean isCrossingSystem() {
        return identity.hasRole(CROSSING_SYSTEM);
    }

    /** 403 unless the caller is the system of {@code crossingCode}. */
    public void assertMayWriteFor(String crossingCode) {
        String own = code().orElseThrow(() -> new ForbiddenException(
                "this token carries no crossing_code claim, so it may not write crossing data"));
        if (!own.equals(crossingCode)) {
            throw new ForbiddenException("this client writes for crossing " + own + ", not for " + crossingCode);
        }
    }

    /** The caller's name for audit trails: the user name, or the client of a service account. */
    public String principal() {
        return identity.getPrincipal().getName();
    }
}
