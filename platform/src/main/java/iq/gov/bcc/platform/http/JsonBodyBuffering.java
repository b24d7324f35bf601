package iq.gov.bcc.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a JSON request body on the event loop, in full, before the request goes on to the resource method.
 * For a blocking resource method Quarkus REST otherwise lets the worker thread read the body as a stream
 * that the event loop fills chunk by chunk, each hand-over through a monitor both threads take; under load
 * that hand-over was a third of the declaration service's CPU samples (docs/benchmarks.md, ingest). The
 * worker now parses the body from memory. The body limit is the server's own
 * ({@code quarkus.http.limits.max-body-size}), which refuses a declared length above it before reading
 * anything. Other bodies, the NDJSON batch upload among them, are still streamed.
 */
@ApplicationScoped
public class JsonBodyBuffering {

    void readJsonBodiesOnTheEventLoop(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(limit.map(MemorySize::asLongValue).orElse(-1L));
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).consumes("application/json").handler(request -> {
            // Only a body of a stated, non-zero length: an empty one never came out of the body handler (the
            // request hung), and a chunked one is left to stream as before.
            String length = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length == null || length.equals("0")) {
                request.next();
            } else {
                body.handle(request);
            }
        });
    }
}
