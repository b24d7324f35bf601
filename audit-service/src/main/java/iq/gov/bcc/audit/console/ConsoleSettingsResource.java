package iq.gov.bcc.audit.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the console needs before anyone has signed in: where to sign in and as which client. Open to all, like the
 * issuer's own discovery document, because the page cannot have a token yet.
 */
@Path("/console/settings")
@PermitAll
@Tag(name = "Console")
public class ConsoleSettingsResource {

    static final List<String> ROLES = List.of("auditor", "senior-auditor");

    /** The sign-in settings of the console. */
    public record ConsoleSettings(String issuer, String clientId, List<String> roles) {
    }

    private final ConsoleConfig config;

    ConsoleSettingsResource(ConsoleConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign-in settings of the auditor console (/console/)",
            description = "The OpenID Connect issuer and public client the console signs people in with (authorization code "
                    + "with PKCE), and the roles it admits. No token needed.")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(schema = @Schema(implementation = ConsoleSettings.class),
            examples = @ExampleObject(name = "local", value = "{\"issuer\":\"http://127.0.0.1:8180/realms/bcc\",\"clientId\":\"bcc-console\","
                    + "\"roles\":[\"auditor\",\"senior-auditor\"]}")))
    public ConsoleSettings settings() {
        return new ConsoleSettings(trimmed(config.issuer()), config.clientId(), ROLES);
    }

    private static String trimmed(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
