package iq.gov.bcc.audit.service;

import iq.gov.bcc.audit.domain.CorrelationFact;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.Discrepancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads one declaration's story from the correlation store. */
@ApplicationScoped
public class CorrelationQueries {

    private final DiscrepancyEngine engine;

    CorrelationQueries(DiscrepancyEngine engine) {
        this.engine = engine;
    }

    /** The story, its facts in the order they happened at the crossing, and its cases. */
    public record Correlation(DeclarationStory story, List<CorrelationFact> facts, List<Discrepancy> discrepancies) {
    }

    @Transactional
    public Optional<Correlation> correlation(UUID declarationId) {
        List<CorrelationFact> facts = CorrelationFact.of(declarationId);
        List<Discrepancy> discrepancies = Discrepancy.list("declarationId = ?1 order by detectedAt, id", declarationId);
        if (facts.isEmpty() && discrepancies.isEmpty()) {
            return Optional.empty();
        }
        List<CorrelationFact> ordered = facts.stream().sorted(Comparator.comparing(
                (CorrelationFact f) -> f.occurredAt == null ? f.recordedAt : f.occurredAt,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(f -> f.id)).toList();
        return Optional.of(new Correlation(engine.story(declarationId), ordered, discrepancies));
    }
}
