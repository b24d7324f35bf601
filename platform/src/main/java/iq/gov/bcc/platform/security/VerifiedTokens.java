package iq.gov.bcc.platform.security;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers bearer tokens that quarkus-oidc has verified, for a short while. A crossing system sends
 * the same token with every request until it expires, and checking it again each time (RSA signature,
 * JSON parsing) was 14-18 % of a declaration post's CPU samples. The same token bytes verify the same
 * way, so the only thing that changes is time: an entry is dropped when its token expires, and at the
 * latest after {@code bcc.security.verified-token-seconds} (environment
 * {@code BCC_SECURITY_VERIFIED_TOKEN_SECONDS}; 60 s; 0 turns it off), so that a signing key withdrawn
 * from the realm stops being honoured within that time. Failed verifications are never remembered.
 *
 * <p>It runs before quarkus-oidc's own provider (higher priority) and delegates to it on a miss; the
 * identity it returns is the one quarkus-oidc built, with this request's routing context.
 */
// Nothing injects it: quarkus-security looks identity providers up, so keep ArC from removing it as unused.
@Unremovable
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** More distinct live tokens than this means something unusual: start again rather than grow. */
    static final int CAPACITY = 4096;
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private record Verified(SecurityIdentity identity, Instant until) {
    }

    private final IdentityProvider<TokenAuthenticationRequest> oidc;
    private final Duration keep;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokens(OidcIdentityProvider oidc,
            @ConfigProperty(name = "bcc.security.verified-token-seconds", defaultValue = "60") long seconds) {
        this(oidc, Duration.ofSeconds(seconds), Clock.systemUTC());
    }

    VerifiedTokens(IdentityProvider<TokenAuthenticationRequest> oidc, Duration keep, Clock clock) {
        this.oidc = oidc;
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's provider, which has the default priority (1001): higher runs first. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (keep.isZero()) {
            return oidc.authenticate(request, context);
        }
        String token = request.getToken().getToken();
        Instant now = clock.instant();
        Verified hit = verified.get(token);
        if (hit != null) {
            if (now.isBefore(hit.until())) {
                return Uni.createFrom().item(forThisRequest(hit.identity(), request, context));
            }
            verified.remove(token, hit);
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity, now));
    }

    private void remember(String token, SecurityIdentity identity, Instant now) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant until = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (until.isAfter(now.plus(keep))) {
            until = now.plus(keep);
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(v -> !now.isBefore(v.until()));
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(identity, until));
    }

    /** The remembered identity, re-bound to this request: quarkus-oidc keeps the request's contexts in it. */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(REQUEST_CONTEXT, context);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            builder.addAttribute(ROUTING_CONTEXT, routing);
        }
        return builder.build();
    }

    /** How many verified tokens are remembered now. */
    public int remembered() {
        return verified.size();
    }
}
