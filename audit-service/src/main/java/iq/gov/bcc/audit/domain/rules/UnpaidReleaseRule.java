package iq.gov.bcc.audit.domain.rules;

import static iq.gov.bcc.audit.domain.rules.Amounts.plain;

import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UNPAID_RELEASE: the goods were released and, {@code unpaid-release-grace} after the release, the
 * receipts still do not cover the duty assessed (beyond the underpayment tolerance). The grace runs
 * from the release or, if later, from when it was recorded: a release uploaded late by an offline
 * crossing gives its receipts, which travel on another topic, the same time to arrive. Time-based:
 * the sweep evaluates it without a new event. Cured by a late receipt paying in full.
 */
@ApplicationScoped
public class UnpaidReleaseRule implements DiscrepancyRule {

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.UNPAID_RELEASE;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        if (story.releasedAt().isEmpty() || story.dutyDue().isEmpty()) {
            return List.of();
        }
        OffsetDateTime released = story.releasedAt().get();
        OffsetDateTime recorded = story.releaseRecordedAt().filter(r -> r.isAfter(released)).orElse(released);
        OffsetDateTime due = recorded.plus(context.config().unpaidReleaseGrace());
        if (context.now().isBefore(due)) {
            return List.of();
        }
        BigDecimal duty = story.dutyDue().get();
        BigDecimal paid = story.paidIqd();
        BigDecimal unpaid = duty.subtract(paid);
        if (unpaid.compareTo(Amounts.tolerance(context.config(), duty)) <= 0) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("releasedAt", story.releasedAt().get().toInstant().toString());
        evidence.put("graceEndedAt", due.toInstant().toString());
        evidence.put("dutyAssessedIqd", plain(duty));
        evidence.put("paidIqd", plain(paid));
        evidence.put("unpaidIqd", plain(unpaid));
        evidence.put("receipts", Evidence.receipts(story.receipts()));
        return List.of(new Finding(type(), story.declarationId().toString(), unpaid, evidence, due));
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "receipts now cover the assessed duty: paid " + plain(story.paidIqd()) + " of "
                + story.dutyDue().map(Amounts::plain).orElse("?") + " IQD";
    }
}
