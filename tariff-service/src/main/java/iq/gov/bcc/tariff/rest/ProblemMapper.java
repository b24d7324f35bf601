package iq.gov.bcc.tariff.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import iq.gov.bcc.tariff.domain.TariffException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns tariff rule violations into RFC 9457 problems: 404 missing, 409 conflict, 422 invalid (with the field). */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response map(TariffException e) {
        HttpProblem.Builder problem = HttpProblem.builder().withDetail(e.getMessage());
        switch (e.kind()) {
            case NOT_FOUND -> problem.withStatus(Response.Status.NOT_FOUND).withTitle("Not Found");
            case CONFLICT -> problem.withStatus(Response.Status.CONFLICT).withTitle("Conflict");
            case INVALID -> {
                problem.withStatus(422).withTitle("Unprocessable Content");
                if (e.field() != null) {
                    problem.with("violations", List.of(Map.of("field", e.field(), "in", "body", "message",
                            e.getMessage())));
                }
            }
        }
        return problem.build().toResponse();
    }
}
