package iq.gov.bcc.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The 413 for a body declared larger than {@code quarkus.http.limits.max-body-size}, as problem+json
 * like every other refusal. Quarkus' own limit route answers it with no body at all, so this route runs
 * just ahead of it and refuses the same requests the same way: before a byte of the body is read, and
 * closing the connection afterwards, because the client may still be sending a body no one will read
 * (with {@code Expect: 100-continue} it never starts). Bodies sent without a length are still cut off
 * by Quarkus when they pass the limit.
 */
@ApplicationScoped
public class OversizedBodyProblems {

    private final Optional<MemorySize> limit;
    private final ObjectMapper json;

    OversizedBodyProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
            ObjectMapper json) {
        this.limit = limit;
        this.json = json;
    }

    void install(@Observes Router router) {
        if (limit.isPresent()) {
            router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredOversize);
        }
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        long declared = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        long max = limit.orElseThrow().asLongValue();
        if (declared <= max) {
            context.next();
            return;
        }
        ObjectNode problem = json.createObjectNode();
        problem.put("status", 413);
        problem.put("title", "Content Too Large");
        problem.put("detail", "the body is " + declared + " bytes; this service takes at most " + max
                + " bytes in one request (BCC_MAX_BODY_SIZE)");
        problem.put("instance", context.request().path());
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> context.request().connection().close())
                .end(problem.toString());
    }

    /** The declared length, or -1 when there is none or it is not a number (left to Quarkus and Vert.x). */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
