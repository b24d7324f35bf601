package iq.gov.bcc.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Jackson's messages name Java types and exceptions; an unreadable body is answered instead with the
 * field (as a JSON path, in {@code violations} like any invalid field) and what it should hold, nothing
 * else ({@link UnreadableJson}). A body beyond
 * Jackson's limits (a number of more than 1000 digits, nesting deeper than 1000) is named the same way.
 */
@ApplicationScoped
@Startup
public class UnreadableBodyProblems implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        UnreadableJson unreadable = UnreadableJson.of(context.cause);
        if (unreadable == null) {
            return problem;
        }
        String detail = unreadable.detail("the body");
        if (UnreadableJson.BEYOND_LIMITS.equals(unreadable.problem())) {
            String field = unreadable.namesAField() ? unreadable.field() : "body";
            return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                    .withInstance(problem.getInstance()).withDetail(detail)
                    .with("violations", List.of(Map.of("field", field, "in", "body", "message", unreadable.problem())))
                    .build();
        }
        // The REST layer wraps what Jackson threw in a WebApplicationException(400).
        HttpProblem.Builder clean = HttpProblem.builder().withStatus(problem.getStatusCode())
                .withTitle(problem.getTitle()).withInstance(problem.getInstance()).withDetail(detail);
        if (unreadable.namesAField()) {
            clean.with("violations", List.of(Map.of("field", unreadable.field(), "in", "body", "message", detail)));
        }
        return clean.build();
    }

    /**
     * Runs before the logger (priority 101), so the log says what the crossing was told: the field and
     * what it should hold, which is what support needs to match a complaint, not Jackson's Java types.
     */
    @Override
    public int priority() {
        return 500;
    }
}
