package iq.gov.bcc.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies over {@code quarkus.http.limits.max-body-size}.
 * <ul>
 * <li>A body declared larger gets its 413 as problem+json like every other refusal. Quarkus' own limit
 * route answers it with no body at all, so this route runs just ahead of it and refuses the same requests
 * the same way: before a byte of the body is read, closing the connection afterwards, because the client
 * may still be sending a body no one will read (with {@code Expect: 100-continue} it never starts).</li>
 * <li>A body sent without a length is cut off by the REST layer when it passes the limit: it answers 413
 * (without a body: the answer is on its way before the resource learns of it) and fails the read with an
 * IOException, which would otherwise be logged as a 500 error with its stack trace. It is logged as the
 * 413 it is.</li>
 * </ul>
 */
@ApplicationScoped
public class OversizedBodyProblems implements ProblemPostProcessor {

    /** The message of the IOException with which RESTEasy Reactive's VertxInputStream ends such a read. */
    private static final String CUT_OFF = "Request too large";

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

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        IOException cause = Causes.find(context.cause, IOException.class);
        if (cause == null || !CUT_OFF.equals(cause.getMessage())) {
            return problem;
        }
        return HttpProblem.builder().withStatus(Response.Status.REQUEST_ENTITY_TOO_LARGE).withTitle("Content Too Large")
                .withInstance(problem.getInstance())
                .withDetail("the body passed " + limit.map(MemorySize::asLongValue).orElse(0L)
                        + " bytes, this service's limit for one request (BCC_MAX_BODY_SIZE), before it ended; nothing was recorded")
                .build();
    }

    /** Runs before the logger (priority 101), so the cut-off is logged as the 413 it is. */
    @Override
    public int priority() {
        return 500;
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
