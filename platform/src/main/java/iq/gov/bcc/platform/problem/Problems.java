package iq.gov.bcc.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 answers for the refusals services decide themselves (bean validation failures are
 * mapped by quarkus-resteasy-problem in the same shape: {@code violations} of field, in, message).
 */
public final class Problems {

    private Problems() {
    }

    public static HttpProblem notFound(String what, Object id) {
        return HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found")
                .withDetail(what + " " + id + " does not exist").build();
    }

    /** A 404 in the service's own words, for what is not a plain "X does not exist". */
    public static HttpProblem notFound(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found").withDetail(detail).build();
    }

    public static HttpProblem forbidden(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.FORBIDDEN).withTitle("Forbidden").withDetail(detail).build();
    }

    public static HttpProblem conflict(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict").withDetail(detail).build();
    }

    /** A 400 naming the one body field at fault, shaped like a bean validation failure. */
    public static HttpProblem badField(String field, String message) {
        return bad(field, "body", message);
    }

    /** A 400 naming the one query parameter at fault. */
    public static HttpProblem badParameter(String parameter, String message) {
        return bad(parameter, "query", message);
    }

    /** A 400 naming the one path parameter at fault. */
    public static HttpProblem badPathParameter(String parameter, String message) {
        return bad(parameter, "path", message);
    }

    private static HttpProblem bad(String field, String in, String message) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                .withDetail(field + " " + message)
                .with("violations", List.of(Map.of("field", field, "in", in, "message", message))).build();
    }

    public static HttpProblem tooLarge(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.REQUEST_ENTITY_TOO_LARGE).withTitle("Content Too Large")
                .withDetail(detail).build();
    }
}
