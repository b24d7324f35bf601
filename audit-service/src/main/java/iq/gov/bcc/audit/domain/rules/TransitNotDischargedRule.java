package iq.gov.bcc.audit.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TRANSIT_NOT_DISCHARGED: transit goods had not exited at their named exit crossing by the transit
 * deadline (diverted into the market). Time-based: the sweep fires it once the deadline passes.
 * An exit recorded late, or at another crossing, does not discharge; an exit at the named crossing
 * dated on or before the deadline (uploaded late by an offline crossing) cures it. Only goods released
 * at entry can have been diverted: a transit never released did not enter (or its release is still to be
 * uploaded, and is judged when it arrives). At stake: the duty assessed, when the tariff service assessed one.
 */
@ApplicationScoped
public class TransitNotDischargedRule implements DiscrepancyRule {

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.TRANSIT_NOT_DISCHARGED;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        Optional<JsonNode> latest = story.latest();
        if (latest.isEmpty() || !"TRANSIT".equals(DeclarationStory.text(latest.get(), "direction"))
                || DeclarationStory.text(latest.get(), "transitDeadline").isEmpty() || story.release().isEmpty()) {
            return List.of();
        }
        OffsetDateTime deadline = OffsetDateTime.parse(DeclarationStory.text(latest.get(), "transitDeadline"));
        String exitCrossing = DeclarationStory.text(latest.get(), "exitCrossingCode");
        Optional<JsonNode> exit = story.transitExit();
        if (exit.isPresent()) {
            OffsetDateTime exitedAt = OffsetDateTime.parse(DeclarationStory.text(exit.get(), "exitedAt"));
            String exitedAtCrossing = DeclarationStory.text(exit.get(), "exitCrossingCode");
            if (!exitedAt.isAfter(deadline) && (exitCrossing.isEmpty() || exitCrossing.equals(exitedAtCrossing))) {
                return List.of();
            }
        } else if (context.now().isBefore(deadline)) {
            return List.of();
        }
        if (exit.isPresent() && context.now().isBefore(deadline)) {
            // exited at the wrong crossing before the deadline: still judged at the deadline
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("entryCrossingCode", DeclarationStory.text(latest.get(), "crossingCode"));
        evidence.put("exitCrossingCode", exitCrossing);
        evidence.put("transitDeadline", deadline.toInstant().toString());
        evidence.put("exit", exit.map(e -> Map.of("exitCrossingCode", DeclarationStory.text(e, "exitCrossingCode"),
                "exitedAt", DeclarationStory.text(e, "exitedAt"))).orElse(null));
        evidence.put("dutyAssessedIqd", story.dutyAssessed().map(Amounts::plain).orElse(null));
        return List.of(new Finding(type(), story.declarationId().toString(), story.dutyAssessed().orElse(null), evidence,
                deadline));
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "the goods exited at " + story.transitExit().map(e -> DeclarationStory.text(e, "exitCrossingCode")).orElse("?")
                + " on " + story.transitExit().map(e -> DeclarationStory.text(e, "exitedAt")).orElse("?")
                + ", within the transit deadline";
    }
}
