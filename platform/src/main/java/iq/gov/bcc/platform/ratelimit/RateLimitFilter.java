package iq.gov.bcc.platform.ratelimit;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 429 problem+json with Retry-After to a client that calls the API faster than
 * {@link RateLimitConfig} allows. The client is the token's subject: each crossing system's service
 * account, each person. Anonymous and refused calls are not counted (they end in 401/403 anyway), and a
 * forged token cannot spend another client's allowance because only verified identities are counted.
 * Health, metrics and the OpenAPI document are not REST resources, so this filter never sees them.
 */
public class RateLimitFilter {

    private final RateLimitConfig config;
    private final ClientRateLimiter limiter;
    private final CurrentIdentityAssociation identities;

    RateLimitFilter(RateLimitConfig config, ClientRateLimiter limiter, CurrentIdentityAssociation identities) {
        this.config = config;
        this.limiter = limiter;
        this.identities = identities;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    public Uni<Response> limit() {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .map(this::refusal)
                // A token that fails verification is answered 401 by the security checks, not here.
                .onFailure().recoverWithNull();
    }

    private Response refusal(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Duration wait = limiter.acquire(client(identity));
        if (wait.isZero()) {
            return null;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return HttpProblem.builder().withStatus(Response.Status.TOO_MANY_REQUESTS).withTitle("Too Many Requests")
                .withDetail("this client exceeded " + config.perSecond() + " calls per second (bursts of "
                        + config.burst() + "); retry after " + seconds + " s")
                .withHeader("Retry-After", seconds).build().toResponse();
    }

    private static String client(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
