package iq.gov.bcc.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.vertx.core.http.HttpClosedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * A client that hangs up before its request body has arrived (a crossing's link dropping, a load
 * generator stopping) is not a server error: nothing was read, so nothing was recorded, and no one is
 * left to receive an answer. Without this the REST layer's read failure became a 500, logged as an error
 * with its stack trace and counted with the real ones; it is now a 400 with one line in the log.
 */
@ApplicationScoped
public class ClosedConnectionProblems implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getStatusCode() != Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()
                || Causes.find(context.cause, HttpClosedException.class) == null) {
            return problem;
        }
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                .withInstance(problem.getInstance())
                .withDetail("the connection closed before the request body arrived; nothing was recorded")
                .build();
    }

    /** Runs before the logger (priority 101), so the hang-up is logged as the 400 it is. */
    @Override
    public int priority() {
        return 500;
    }
}
