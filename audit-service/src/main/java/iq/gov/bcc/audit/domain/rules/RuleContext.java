package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.config.AuditConfig;
import java.time.OffsetDateTime;

/** What a rule may use besides the story: tolerances, the clock, and reference facts. */
public record RuleContext(AuditConfig config, OffsetDateTime now, ReferenceFacts reference) {
}
