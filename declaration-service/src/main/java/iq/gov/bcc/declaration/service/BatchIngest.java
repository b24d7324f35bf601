package iq.gov.bcc.declaration.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import iq.gov.bcc.declaration.rest.api.BatchResponse;
import iq.gov.bcc.declaration.rest.api.BatchResponse.LineProblem;
import iq.gov.bcc.declaration.rest.api.BatchResponse.LineResult;
import iq.gov.bcc.declaration.rest.api.BatchResponse.Violation;
import iq.gov.bcc.declaration.rest.api.DeclarationRequest;
import iq.gov.bcc.platform.problem.Problems;
import iq.gov.bcc.platform.problem.UnreadableJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.ForbiddenException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An offline crossing's backlog, one declaration per line. Each line is validated, authorised and
 * filed on its own, with the same rules and idempotency as a single POST, so a batch re-uploaded
 * after a lost answer files nothing twice.
 */
@ApplicationScoped
public class BatchIngest {

    private final DeclarationService declarations;
    private final ObjectMapper json;
    private final Validator validator;
    private final int maxLines;

    BatchIngest(DeclarationService declarations, ObjectMapper json, Validator validator,
            @ConfigProperty(name = "bcc.batch.max-lines", defaultValue = "1000") int maxLines) {
        this.declarations = declarations;
        this.json = json;
        this.validator = validator;
        this.maxLines = maxLines;
    }

    public BatchResponse ingest(String body) {
        List<String> lines = body == null ? List.of() : body.lines().toList();
        long declarationsSent = lines.stream().filter(l -> !l.isBlank()).count();
        if (declarationsSent == 0) {
            throw Problems.badField("body", "must hold at least one declaration, one JSON object per line");
        }
        if (declarationsSent > maxLines) {
            throw Problems.tooLarge("a batch holds at most " + maxLines + " declarations; this one has "
                    + declarationsSent + ". Split it and upload the parts in order.");
        }
        List<LineResult> results = new ArrayList<>();
        int created = 0;
        int existing = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            LineResult result = fileLine(i + 1, lines.get(i));
            results.add(result);
            created += result.status() == 201 ? 1 : 0;
            existing += result.status() == 200 ? 1 : 0;
        }
        return new BatchResponse(results.size(), created, existing, results.size() - created - existing, results);
    }

    private LineResult fileLine(int line, String text) {
        DeclarationRequest request;
        try {
            request = json.readValue(text, DeclarationRequest.class);
        } catch (JsonProcessingException e) {
            // Named as a single POST's body would be: the field and what it should hold, no Java types.
            UnreadableJson unreadable = Objects.requireNonNullElse(UnreadableJson.of(e),
                    new UnreadableJson("", "cannot be read as a declaration"));
            String detail = "line " + line + ": " + unreadable.detail("the line");
            return refused(line, null, 400, "Bad Request", detail, unreadable.namesAField()
                    ? List.of(new Violation(unreadable.field(), unreadable.problem())) : null);
        }
        if (request == null) {
            return refused(line, null, 400, "Bad Request", "line " + line + " is empty JSON", null);
        }
        Set<ConstraintViolation<DeclarationRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<Violation> named = violations.stream()
                    .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Violation::field)).toList();
            return refused(line, request.reference(), 400, "Bad Request",
                    named.size() + " field(s) invalid", named);
        }
        if (request.reason() != null) {
            return refused(line, request.reference(), 400, "Bad Request", "reason is only for amendments",
                    List.of(new Violation("reason", "is only for amendments")));
        }
        try {
            Outcome<DeclarationStory> outcome = declarations.file(request.crossingCode(), request.reference(),
                    request.content());
            var d = outcome.value().declaration();
            return new LineResult(line, outcome.created() ? 201 : 200, d.reference, d.id, d.currentVersion, d.lane, null);
        } catch (ForbiddenException e) {
            return refused(line, request.reference(), 403, "Forbidden", e.getMessage(), null);
        } catch (HttpProblem e) {
            return refused(line, request.reference(), e.getStatusCode(), e.getTitle(), e.getDetail(), null);
        }
    }

    private static LineResult refused(int line, String reference, int status, String title, String detail,
            List<Violation> violations) {
        return new LineResult(line, status, reference, null, null, null, new LineProblem(title, detail, violations));
    }
}
