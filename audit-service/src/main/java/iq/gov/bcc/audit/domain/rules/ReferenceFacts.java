package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.domain.Receipt;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Facts from beyond one declaration that some rules need. */
public interface ReferenceFacts {

    /** Every receipt with this number, at any crossing. */
    List<Receipt> receiptsNumbered(String receiptNumber);

    /** Values per kg (IQD) of the most recent lines of this HS code and origin lodged up to {@code lodgedAt}, other declarations only. */
    List<BigDecimal> unitValues(String hs6, String origin, UUID excludeDeclaration, OffsetDateTime lodgedAt, int window);

    Optional<Licence> licence(String number);

    /** An exemption licence as last published on bcc.tariffs.v1. */
    record Licence(String number, String status, OffsetDateTime revokedAt, OffsetDateTime revocationEffectiveFrom) {
    }
}
