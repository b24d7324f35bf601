package iq.gov.bcc.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final AuthenticationRequestContext CONTEXT = supplier -> Uni.createFrom().item(supplier);

    /** Stands in for quarkus-oidc: counts verifications; tokens named "bad..." fail. */
    private static final class Oidc implements IdentityProvider<TokenAuthenticationRequest> {
        final AtomicInteger verifications = new AtomicInteger();
        final Map<String, Long> expiry;

        Oidc(Map<String, Long> expiry) {
            this.expiry = expiry;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext c) {
            verifications.incrementAndGet();
            String token = request.getToken().getToken();
            if (token.startsWith("bad")) {
                return Uni.createFrom().failure(new AuthenticationFailedException("signature does not verify"));
            }
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(jwt(token, expiry.get(token)))
                    .addRole("crossing-system").build());
        }
    }

    private static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aTokenIsVerifiedOnceWhileItIsRemembered() {
        Oidc oidc = new Oidc(Map.of("shl", T0.plusSeconds(300).getEpochSecond()));
        VerifiedTokens tokens = new VerifiedTokens(oidc, Duration.ofSeconds(60), new MovingClock());

        SecurityIdentity first = authenticate(tokens, "shl");
        SecurityIdentity second = authenticate(tokens, "shl");

        assertThat(oidc.verifications).hasValue(1);
        assertThat(second.getPrincipal().getName()).isEqualTo("shl");
        assertThat(second.getRoles()).isEqualTo(first.getRoles()).containsExactly("crossing-system");
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheKeepTime() {
        Oidc oidc = new Oidc(Map.of("shl", T0.plusSeconds(300).getEpochSecond()));
        MovingClock clock = new MovingClock();
        VerifiedTokens tokens = new VerifiedTokens(oidc, Duration.ofSeconds(60), clock);

        authenticate(tokens, "shl");
        clock.now = T0.plusSeconds(59);
        authenticate(tokens, "shl");
        assertThat(oidc.verifications).hasValue(1);
        clock.now = T0.plusSeconds(60);
        authenticate(tokens, "shl");
        assertThat(oidc.verifications).hasValue(2);
    }

    @Test
    void aTokenIsNeverHonouredFromMemoryPastItsExpiry() {
        Oidc oidc = new Oidc(Map.of("shl", T0.plusSeconds(10).getEpochSecond()));
        MovingClock clock = new MovingClock();
        VerifiedTokens tokens = new VerifiedTokens(oidc, Duration.ofSeconds(60), clock);

        authenticate(tokens, "shl");
        clock.now = T0.plusSeconds(10);
        authenticate(tokens, "shl");

        assertThat(oidc.verifications).as("expired at 10 s although the keep time is 60 s").hasValue(2);
    }

    @Test
    void aFailedVerificationIsNotRemembered() {
        Oidc oidc = new Oidc(Map.of());
        VerifiedTokens tokens = new VerifiedTokens(oidc, Duration.ofSeconds(60), new MovingClock());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> authenticate(tokens, "bad-signature"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThat(oidc.verifications).hasValue(2);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void zeroSecondsTurnsTheMemoryOff() {
        Oidc oidc = new Oidc(Map.of("shl", T0.plusSeconds(300).getEpochSecond()));
        VerifiedTokens tokens = new VerifiedTokens(oidc, Duration.ZERO, new MovingClock());

        authenticate(tokens, "shl");
        authenticate(tokens, "shl");

        assertThat(oidc.verifications).hasValue(2);
    }

    @Test
    void theMemoryStaysBounded() {
        Map<String, Long> expiry = new java.util.HashMap<>();
        for (int i = 0; i <= VerifiedTokens.CAPACITY; i++) {
            expiry.put("t" + i, T0.plusSeconds(300).getEpochSecond());
        }
        Oidc oidc = new Oidc(expiry);
        VerifiedTokens tokens = new VerifiedTokens(oidc, Duration.ofSeconds(60), new MovingClock());

        expiry.keySet().forEach(token -> authenticate(tokens, token));

        assertThat(tokens.remembered()).isBetween(1, VerifiedTokens.CAPACITY);
    }

    private static SecurityIdentity authenticate(VerifiedTokens tokens, String token) {
        return tokens.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")), CONTEXT)
                .await().indefinitely();
    }

    private static JsonWebToken jwt(String name, Long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return new HashSet<>(Set.of("exp"));
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) exp : null;
            }
        };
    }
}
