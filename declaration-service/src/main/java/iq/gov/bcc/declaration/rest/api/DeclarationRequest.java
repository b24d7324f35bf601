package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.DeclarationContent;
import iq.gov.bcc.declaration.domain.DeclaredItem;
import iq.gov.bcc.declaration.domain.Direction;
import iq.gov.bcc.declaration.domain.Trader;
import iq.gov.bcc.platform.validation.IsoCountry;
import iq.gov.bcc.platform.validation.KnownCrossing;
import iq.gov.bcc.platform.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A declaration as a crossing files it, or (with {@code reason}) a changed copy that amends it. */
@Schema(name = "Declaration", description = "A customs declaration as the crossing files it. For an amendment, the "
        + "whole changed copy plus `reason`.")
@ConsistentTransit
public record DeclarationRequest(
        @Schema(description = "Code of the crossing filing the declaration (see the crossings registry)", examples = "SHL")
        @NotNull @KnownCrossing String crossingCode,
        @Schema(description = "The crossing's own declaration number, unique per crossing; reposting it is idempotent",
                examples = "SHL-2026-000123")
        @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.IDENTIFIER, message = Patterns.IDENTIFIER_MESSAGE) String reference,
        @Schema(description = "IMPORT, EXPORT or TRANSIT. Fixed once the goods are released", examples = "IMPORT")
        @NotNull Direction direction,
        @Schema(description = "TRANSIT only: the crossing where the goods must leave Iraq. Fixed once the goods are released", examples = "TRB", nullable = true)
        @KnownCrossing String exitCrossingCode,
        @Schema(description = "TRANSIT only: when the goods must have left at the exit crossing; after lodgedAt and at most 366 days after it. Fixed once the goods are released", examples = "2026-11-24T18:00:00+03:00", nullable = true)
        OffsetDateTime transitDeadline,
        @Schema(description = "When the declaration was lodged at the crossing, ISO-8601 with offset, not before 2000 nor in the future. An amendment cannot change it", examples = "2026-11-21T09:30:00+03:00")
        @NotNull @NotInFuture OffsetDateTime lodgedAt,
        @NotNull @Valid TraderRequest trader,
        @Schema(description = "Registration plate of the vehicle (Arabic or Latin)", examples = "BSR 12345")
        @NotBlank @Size(max = 20) @Pattern(regexp = "[\\p{L}\\p{N} -]+", message = "may contain only letters, digits, spaces and -") String vehiclePlate,
        @Schema(description = "Country of origin, ISO 3166-1 alpha-2", examples = "IR")
        @NotNull @IsoCountry String originCountry,
        @Schema(description = "The goods, at least one line")
        @NotEmpty @Size(max = 200) List<@NotNull @Valid ItemRequest> items,
        @Schema(description = "Amendments only: why the declaration changes", examples = "Corrected net weight after re-packing", nullable = true)
        @Size(max = 500) @PlainText(multiline = true) String reason) {

    public DeclarationContent content() {
        List<DeclaredItem> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ItemRequest item = items.get(i);
            lines.add(new DeclaredItem(i + 1, item.hsCode(), item.description(), item.quantity(), item.unit(),
                    item.netWeightKg(), item.grossWeightKg(), item.customsValue().toMoney(), item.exemptionLicence()));
        }
        return new DeclarationContent(direction, exitCrossingCode, transitDeadline, lodgedAt,
                new Trader(trader.taxId(), trader.name()), vehiclePlate, originCountry, lines);
    }
}
