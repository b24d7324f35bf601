package iq.gov.bcc.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import iq.gov.bcc.audit.config.AuditConfig;
import iq.gov.bcc.audit.domain.CorrelationFact;
import iq.gov.bcc.audit.domain.DecisionKind;
import iq.gov.bcc.audit.domain.DeclarationState;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.Discrepancy;
import iq.gov.bcc.audit.domain.DiscrepancyDecision;
import iq.gov.bcc.audit.domain.DiscrepancyStatus;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import iq.gov.bcc.audit.domain.Receipt;
import iq.gov.bcc.audit.domain.rules.DiscrepancyRule;
import iq.gov.bcc.audit.domain.rules.Finding;
import iq.gov.bcc.audit.domain.rules.Releases;
import iq.gov.bcc.audit.domain.rules.RuleContext;
import iq.gov.bcc.audit.messaging.DiscrepancyPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Re-evaluates every rule against one declaration's whole story and reconciles the result with its
 * cases: a new finding raises a case (once: its key is unique), a finding that is gone closes the
 * undecided case with the rule's cure reason, a finding that returns reopens its closed case.
 * Decided cases (CONFIRMED, DISMISSED) are left as the auditors decided them.
 */
@ApplicationScoped
public class DiscrepancyEngine {

    private final Map<DiscrepancyType, DiscrepancyRule> rules = new EnumMap<>(DiscrepancyType.class);
    private final AuditConfig config;
    private final ReferenceStore reference;
    private final ObjectMapper json;
    private final DiscrepancyPublisher publisher;
    private final MeterRegistry meters;
    private final RevenueDays revenueDays;

    DiscrepancyEngine(Instance<DiscrepancyRule> rules, AuditConfig config, ReferenceStore reference, ObjectMapper json,
            DiscrepancyPublisher publisher, MeterRegistry meters, RevenueDays revenueDays) {
        this.revenueDays = revenueDays;
        rules.forEach(rule -> this.rules.put(rule.type(), rule));
        this.config = config;
        this.reference = reference;
        this.json = json;
        this.publisher = publisher;
        this.meters = meters;
    }

    /** A fresh cache of stories for one transaction. */
    public Stories stories() {
        return stories(Map.of());
    }

    /** As {@link #stories()}, starting from the newest unit values an earlier transaction left ({@link UnitValueCache}). */
    Stories stories(Map<String, UnitValueWindows.Stretch> unitValueStretches) {
        return new Stories(json, reference, revenueDays, unitValueStretches);
    }

    public DeclarationStory story(UUID declarationId) {
        return stories().story(declarationId);
    }

    /** Re-evaluates one declaration in a transaction of its own making (the sweep). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(UUID declarationId, OffsetDateTime trigger) {
        Stories stories = stories();
        evaluate(declarationId, trigger, stories);
        stories.write();
    }

    /**
     * @param declarationId the declaration whose story changed or whose time came
     * @param trigger       when the triggering fact was recorded (or now, for the sweep)
     * @param stories       the transaction's stories: read from and kept current; the caller writes them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(UUID declarationId, OffsetDateTime trigger, Stories stories) {
        DeclarationStory story = stories.story(declarationId);
        updateState(story, stories);
        stories.observe(story);
        RuleContext context = new RuleContext(config, OffsetDateTime.now(ZoneOffset.UTC), stories);
        Map<String, Finding> found = new LinkedHashMap<>();
        for (DiscrepancyRule rule : rules.values()) {
            for (Finding finding : rule.evaluate(story, context)) {
                found.put(finding.dedupKey(declarationId), finding);
            }
        }
        Map<String, Discrepancy> known = stories.cases(declarationId);
        for (Map.Entry<String, Finding> entry : found.entrySet()) {
            Finding finding = entry.getValue();
            Discrepancy d = known.get(entry.getKey());
            String evidence = write(finding.evidence());
            if (d == null) {
                d = new Discrepancy();
                d.id = Discrepancy.idFor(entry.getKey());
                d.dedupKey = entry.getKey();
                d.type = finding.type();
                d.declarationId = declarationId;
                d.crossingCode = story.crossingCode();
                d.evidence = evidence;
                d.amountAtStakeIqd = finding.amountAtStake();
                d.detectedAt = finding.detectedAt() != null ? finding.detectedAt() : trigger;
                d.status = DiscrepancyStatus.OPEN;
                d.updatedAt = trigger;
                d.persist();
                known.put(d.dedupKey, d);
                publisher.raised(d);
                meters.counter("bcc.audit.discrepancies.raised", "type", d.type.name()).increment();
            } else if (d.status == DiscrepancyStatus.CLOSED) {
                d.status = DiscrepancyStatus.OPEN;
                d.closedReason = null;
                d.closedAt = null;
                // Cases closed before a close cleared the pending dismissal may still carry one.
                clearPendingDismissal(d);
                d.evidence = evidence;
                d.amountAtStakeIqd = finding.amountAtStake();
                d.updatedAt = trigger;
                publisher.raised(d);
            } else if (d.status == DiscrepancyStatus.DISMISSED && dismissedBelowFourEyes(d, finding)) {
                awaitSecondSenior(d);
                d.evidence = evidence;
                d.amountAtStakeIqd = finding.amountAtStake();
                d.updatedAt = trigger;
                publisher.raised(d);
            } else if (d.status.isUndecided() && (!d.evidence.equals(evidence)
                    || d.amountAtStakeIqd.compareTo(finding.amountAtStake()) != 0)) {
                if (d.amountAtStakeIqd.compareTo(finding.amountAtStake()) != 0) {
                    // A dismissal waiting for its second senior judged another amount: two are needed again.
                    clearPendingDismissal(d);
                }
                d.evidence = evidence;
                d.amountAtStakeIqd = finding.amountAtStake();
                d.updatedAt = trigger;
            }
            if (d.crossingCode == null) {
                d.crossingCode = story.crossingCode();
            }
        }
        for (Discrepancy d : List.copyOf(known.values())) {
            if (!found.containsKey(d.dedupKey) && d.status.isUndecided()) {
                d.status = DiscrepancyStatus.CLOSED;
                d.closedReason = rules.get(d.type).cureReason(story) + lapsedDismissal(d);
                // The first dismissal judged the case as it was; if it reopens, perhaps with another amount,
                // it needs two dismissals again, not one more.
                clearPendingDismissal(d);
                d.closedAt = trigger;
                d.updatedAt = trigger;
                publisher.closed(d);
                meters.counter("bcc.audit.discrepancies.closed", "type", d.type.name()).increment();
            }
        }
    }

    /**
     * A case dismissed by one auditor while its amount was at or under the four-eyes threshold (often 0,
     * before its assessment arrived) whose amount has since risen above it: one pair of eyes judged a
     * smaller case than the one now known.
     */
    private boolean dismissedBelowFourEyes(Discrepancy d, Finding finding) {
        BigDecimal threshold = config.fourEyesAmountIqd();
        return d.amountAtStakeIqd.compareTo(threshold) <= 0
                && finding.amountAtStake().compareTo(threshold) > 0;
    }

    /**
     * The single dismissal counts as the first of two: the case waits, UNDER_REVIEW, for a different senior
     * auditor to dismiss it too, or for anyone to confirm it, as a dismissal above the threshold always does.
     */
    private static void awaitSecondSenior(Discrepancy d) {
        DiscrepancyDecision dismissal = DiscrepancyDecision.history(d.id).stream()
                .filter(decision -> decision.decision == DecisionKind.DISMISS).reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("dismissed case " + d.id + " has no dismissal"));
        d.status = DiscrepancyStatus.UNDER_REVIEW;
        d.pendingDismissalBy = dismissal.decidedBy;
        d.pendingDismissalAt = dismissal.decidedAt;
        d.pendingDismissalReason = dismissal.reason;
    }

    private static String lapsedDismissal(Discrepancy d) {
        return d.pendingDismissalBy == null ? ""
                : "; the dismissal by " + d.pendingDismissalBy + " awaiting a second senior auditor lapsed";
    }

    private static void clearPendingDismissal(Discrepancy d) {
        d.pendingDismissalBy = null;
        d.pendingDismissalAt = null;
        d.pendingDismissalReason = null;
    }

    private void updateState(DeclarationStory story, Stories stories) {
        RevenueDays.Share before = stories.state(story.declarationId()).map(revenueDays::shareOf).orElse(null);
        DeclarationState state = stories.state(story.declarationId()).orElseGet(() -> {
            DeclarationState created = new DeclarationState();
            created.declarationId = story.declarationId();
            created.paidIqd = BigDecimal.ZERO;
            created.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            created.persist();
            stories.addState(created);
            return created;
        });
        DeclarationState.Derived derivedBefore = state.derived();
        state.crossingCode = story.crossingCode();
        state.filed = story.filed();
        story.latest().ifPresent(v -> {
            DeclarationState s = state;
            s.direction = DeclarationStory.text(v, "direction");
            s.reference = DeclarationStory.text(v, "reference");
            s.lodgedAt = utc(DeclarationStory.text(story.original().get(), "lodgedAt"));
            s.latestVersion = v.path("version").asInt(1);
            s.transitDeadline = utc(DeclarationStory.text(v, "transitDeadline"));
            String exitCrossing = DeclarationStory.text(v, "exitCrossingCode");
            s.exitCrossingCode = exitCrossing.isEmpty() ? null : exitCrossing;
        });
        state.lane = story.lane().orElse(null);
        state.releasedAt = story.releasedAt().map(DiscrepancyEngine::utc).orElse(null);
        state.releaseRecordedAt = state.releasedAt == null ? null
                : story.releaseRecordedAt().map(DiscrepancyEngine::utc).orElse(null);
        state.releasedOffHours = state.releasedAt != null && Releases.offHours(state.releasedAt, config);
        state.transitExitedAt = story.transitExit().map(e -> utc(DeclarationStory.text(e, "exitedAt"))).orElse(null);
        state.transitExitedAtCrossing = story.transitExit().map(e -> DeclarationStory.text(e, "exitCrossingCode"))
                .orElse(null);
        state.dutyIqd = story.dutyDue().map(DiscrepancyEngine::stored).orElse(null);
        state.paidIqd = stored(story.paidIqd());
        // Many facts (a weighing, an inspection, a fact seen again) change nothing here; the row is then left
        // as it is rather than rewritten for a new updatedAt.
        if (!state.derived().equals(derivedBefore)) {
            state.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        stories.revenueChanged(before, state);
    }

    /*
     * Values as the store gives them back: times in UTC to the microsecond, amounts to the column's three
     * decimals. Hibernate's dirty tracking compares with equals, which sees an offset (+03:00 from a crossing)
     * or a scale (0 against 0.000) as a change, and would rewrite the row for it.
     */
    private static OffsetDateTime utc(String text) {
        return text.isEmpty() ? null : utc(OffsetDateTime.parse(text));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return OffsetDateTime.ofInstant(ReferenceStore.storedPrecision(time.toInstant()), ZoneOffset.UTC);
    }

    private static BigDecimal stored(BigDecimal amount) {
        return amount.setScale(3, RoundingMode.HALF_UP);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
