package iq.gov.bcc.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import iq.gov.bcc.platform.messaging.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * While the database cannot be reached (connection refused or broken, no connection within the pool's
 * acquisition timeout) a request is answered 503 problem+json with Retry-After instead of 500: the
 * caller did nothing wrong, nothing was written, and the same request will succeed once the database
 * is back. The pool reconnects by itself; there is nothing to restart.
 */
@ApplicationScoped
public class DatabaseUnavailableProblems implements ProblemPostProcessor {

    private final long retryAfterSeconds;

    DatabaseUnavailableProblems(@ConfigProperty(name = "bcc.database-unavailable.retry-after", defaultValue = "5") long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getStatusCode() != Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()
                || !DatabaseOutage.isCause(context.cause)) {
            return problem;
        }
        return HttpProblem.builder().withStatus(Response.Status.SERVICE_UNAVAILABLE).withTitle("Service Unavailable")
                .withInstance(problem.getInstance())
                .withDetail("the database is unreachable; nothing was recorded, retry after " + retryAfterSeconds + " s")
                .withHeader("Retry-After", retryAfterSeconds).build();
    }

    /** Runs before the logger, so that an outage is logged as the 503 it is answered with. */
    @Override
    public int priority() {
        return 500;
    }
}
