package iq.gov.bcc.audit.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** RFC 9457 answers that name the field at fault. */
public final class Problems {

    private Problems() {
    }

    public static HttpProblem badRequest(String field, String in, String message) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                .withDetail(field + ": " + message).with("field", field)
                .with("violations", List.of(Map.of("field", field, "in", in, "message", message))).build();
    }

    public static HttpProblem notFound(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found").withDetail(detail).build();
    }

    public static HttpProblem conflict(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict").withDetail(detail).build();
    }

    public static HttpProblem forbidden(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.FORBIDDEN).withTitle("Forbidden").withDetail(detail).build();
    }
}
