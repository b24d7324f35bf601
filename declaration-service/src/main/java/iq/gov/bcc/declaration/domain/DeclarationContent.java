package iq.gov.bcc.declaration.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** What a crossing declares: the part of a declaration that an amendment may change. */
public record DeclarationContent(Direction direction, String exitCrossingCode, OffsetDateTime transitDeadline,
        OffsetDateTime lodgedAt, Trader trader, String vehiclePlate, String originCountry, List<DeclaredItem> items) {
}
