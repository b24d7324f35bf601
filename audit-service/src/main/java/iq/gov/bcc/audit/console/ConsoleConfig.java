package iq.gov.bcc.audit.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code bcc.console.*}: where the auditor console sends people to sign in. */
@ConfigMapping(prefix = "bcc.console")
public interface ConsoleConfig {

    /**
     * The OpenID Connect issuer as the auditor's browser reaches it: the realm the service trusts, unless a proxy
     * puts Keycloak at another address for browsers.
     */
    String issuer();

    /** The realm's public client for people: authorization code with PKCE, no secret. */
    @WithDefault("bcc-console")
    String clientId();
}
