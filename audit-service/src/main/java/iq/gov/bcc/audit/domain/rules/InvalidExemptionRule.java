package iq.gov.bcc.audit.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * INVALID_EXEMPTION: an item of the latest version claims an exemption licence that is unknown,
 * expired or revoked at lodgement, outside its HS scope, or over its quota. Two sources: the
 * assessment refused it ({@code exemption.refusal}; at stake the duty the licence would have
 * waived), or the assessment applied it but a revocation published on bcc.tariffs.v1 later is
 * effective at or before lodgement (at stake the duty waived). Cured by an amendment that drops the
 * claim.
 */
@ApplicationScoped
public class InvalidExemptionRule implements DiscrepancyRule {

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.INVALID_EXEMPTION;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        Optional<JsonNode> assessment = story.latestAssessment();
        if (assessment.isEmpty()) {
            return List.of();
        }
        OffsetDateTime lodgedAt = OffsetDateTime.parse(DeclarationStory.text(assessment.get(), "lodgedAt").isEmpty()
                ? DeclarationStory.text(story.latest().get(), "lodgedAt")
                : DeclarationStory.text(assessment.get(), "lodgedAt"));
        List<Map<String, Object>> items = new ArrayList<>();
        BigDecimal atStake = BigDecimal.ZERO;
        for (JsonNode item : assessment.get().path("items")) {
            JsonNode exemption = item.path("exemption");
            if (exemption.isMissingNode() || exemption.isNull()) {
                continue;
            }
            String number = DeclarationStory.text(exemption, "licenceNumber");
            String refusal = DeclarationStory.text(exemption, "refusal");
            if (!refusal.isEmpty()) {
                BigDecimal before = DeclarationStory.decimal(item.path("dutyBeforeExemptionIqd"));
                items.add(item(item, number, refusal, DeclarationStory.text(exemption, "detail"), before));
                atStake = atStake.add(before);
                continue;
            }
            Optional<ReferenceFacts.Licence> licence = context.reference().licence(number);
            if (licence.isPresent() && licence.get().revocationEffectiveFrom() != null
                    && !licence.get().revocationEffectiveFrom().isAfter(lodgedAt)) {
                BigDecimal waived = DeclarationStory.decimal(exemption.path("waivedIqd"));
                items.add(item(item, number, "REVOKED", "revoked with effect from "
                        + licence.get().revocationEffectiveFrom().toInstant() + ", before lodgement", waived));
                atStake = atStake.add(waived);
            }
        }
        if (items.isEmpty()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lodgedAt", lodgedAt.toInstant().toString());
        evidence.put("assessmentId", DeclarationStory.text(assessment.get(), "assessmentId"));
        evidence.put("items", items);
        return List.of(Finding.of(type(), story.declarationId(), atStake, evidence));
    }

    private static Map<String, Object> item(JsonNode item, String number, String refusal, String detail, BigDecimal atStake) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", item.path("line").asInt());
        m.put("hsCode", DeclarationStory.text(item, "hsCode"));
        m.put("licenceNumber", number);
        m.put("refusal", refusal);
        m.put("detail", detail);
        m.put("atStakeIqd", Amounts.plain(atStake));
        return m;
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "the latest version no longer claims an invalid exemption";
    }
}
