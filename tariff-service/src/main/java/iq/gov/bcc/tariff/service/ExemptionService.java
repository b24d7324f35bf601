package iq.gov.bcc.tariff.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import iq.gov.bcc.tariff.domain.ExemptionLicence;
import iq.gov.bcc.tariff.domain.LicenceKind;
import iq.gov.bcc.tariff.domain.LicenceStatus;
import iq.gov.bcc.tariff.domain.TariffException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Exemption licences: issue, read, revoke one, and revoke many by decree. */
@ApplicationScoped
@Transactional
public class ExemptionService {

    /** Criteria of a bulk revocation; null criteria do not restrict. At least one must be set. */
    public record Criteria(List<LicenceKind> kinds, BigDecimal implementationRateAtOrBelow, String licenceLegalBasis) {
    }

    private final TariffEvents events;

    ExemptionService(TariffEvents events) {
        this.events = events;
    }

    public ExemptionLicence issue(ExemptionLicence licence) {
        if (ExemptionLicence.findById(licence.number) != null) {
            throw TariffException.conflict("licence " + licence.number + " already exists");
        }
        if (licence.validTo != null && !licence.validTo.isAfter(licence.validFrom)) {
            throw TariffException.invalid("validTo", "validTo must be after validFrom (it is exclusive)");
        }
        for (String prefix : licence.scope()) {
            if (!prefix.matches("[0-9]{2,10}")) {
                throw TariffException.invalid("hsScope", prefix + " is not an HS prefix (2 to 10 digits)");
            }
        }
        if (licence.scope().isEmpty()) {
            throw TariffException.invalid("hsScope", "hsScope needs at least one HS prefix");
        }
        licence.status = LicenceStatus.ACTIVE;
        licence.issuedAt = OffsetDateTime.now(ZoneOffset.UTC);
        licence.quantityUsedKg = BigDecimal.ZERO;
        licence.valueUsedIqd = BigDecimal.ZERO;
        licence.persist();
        events.licenceIssued(licence);
        return licence;
    }

    public ExemptionLicence find(String number) {
        ExemptionLicence licence = ExemptionLicence.findById(number);
        if (licence == null) {
            throw TariffException.notFound("no exemption licence " + number);
        }
        return licence;
    }

    public List<ExemptionLicence> list(LicenceKind kind, LicenceStatus status, String holderTaxId) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (kind != null) {
            clauses.add("kind = :kind");
            params.and("kind", kind);
        }
        if (status != null) {
            clauses.add("status = :status");
            params.and("status", status);
        }
        if (holderTaxId != null) {
            clauses.add("holderTaxId = :holder");
            params.and("holder", holderTaxId);
        }
        if (clauses.isEmpty()) {
            return ExemptionLicence.listAll(Sort.by("number"));
        }
        return ExemptionLicence.list(String.join(" and ", clauses), Sort.by("number"), params);
    }

    public ExemptionLicence revoke(String number, LocalDate effectiveFrom, String reason, String legalBasis) {
        ExemptionLicence licence = ExemptionLicence.<ExemptionLicence>findByIdOptional(number,
                LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> TariffException.notFound("no exemption licence " + number));
        if (licence.status == LicenceStatus.REVOKED) {
            throw TariffException.conflict("licence " + number + " was already revoked with effect from "
                    + licence.revocationEffectiveFrom);
        }
        licence.revoke(effectiveFrom, reason, legalBasis, OffsetDateTime.now(ZoneOffset.UTC));
        events.licenceRevoked(licence);
        return licence;
    }

    /** Revokes every active licence matching the criteria, in one transaction; returns those revoked. */
    public List<ExemptionLicence> revokeAll(Criteria criteria, LocalDate effectiveFrom, String reason,
            String legalBasis) {
        boolean byKind = criteria.kinds() != null && !criteria.kinds().isEmpty();
        boolean byBasis = criteria.licenceLegalBasis() != null && !criteria.licenceLegalBasis().isBlank();
        if (!byKind && criteria.implementationRateAtOrBelow() == null && !byBasis) {
            throw TariffException.invalid("kind",
                    "a bulk revocation needs a kind, an implementationRateAtOrBelow or a licenceLegalBasis");
        }
        StringBuilder query = new StringBuilder("status = :active");
        Parameters params = Parameters.with("active", LicenceStatus.ACTIVE);
        if (byKind) {
            query.append(" and kind in :kinds");
            params.and("kinds", criteria.kinds());
        }
        if (criteria.implementationRateAtOrBelow() != null) {
            query.append(" and implementationRate is not null and implementationRate <= :rate");
            params.and("rate", criteria.implementationRateAtOrBelow());
        }
        if (byBasis) {
            query.append(" and legalBasis = :basis");
            params.and("basis", criteria.licenceLegalBasis().trim());
        }
        List<ExemptionLicence> matching = ExemptionLicence.<ExemptionLicence>find(query.toString(),
                Sort.by("number"), params).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (ExemptionLicence licence : matching) {
            licence.revoke(effectiveFrom, reason, legalBasis, now);
            events.licenceRevoked(licence);
        }
        return matching;
    }
}
