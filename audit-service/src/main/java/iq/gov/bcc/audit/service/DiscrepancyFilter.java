package iq.gov.bcc.audit.service;

import iq.gov.bcc.audit.domain.DiscrepancyStatus;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Filters of GET /discrepancies; null means any. {@code from} inclusive, {@code to} exclusive, on detectedAt. */
public record DiscrepancyFilter(String crossingCode, DiscrepancyType type, DiscrepancyStatus status, OffsetDateTime from,
        OffsetDateTime to, BigDecimal minAmountIqd) {
}
