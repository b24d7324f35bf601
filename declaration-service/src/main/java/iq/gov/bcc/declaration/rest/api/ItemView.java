package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.DeclaredItem;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeclaredItem", description = "One line of goods as recorded, numbered from 1.")
public record ItemView(
        @Schema(examples = "1") int line,
        @Schema(examples = "721420") String hsCode,
        @Schema(examples = "Reinforcing steel bars, hot-rolled") String description,
        @Schema(examples = "24000") BigDecimal quantity,
        @Schema(examples = "KGM") String unit,
        @Schema(examples = "24000.000") BigDecimal netWeightKg,
        @Schema(examples = "24350.000") BigDecimal grossWeightKg,
        MoneyAmount customsValue,
        @Schema(examples = "INV-2024-0042", nullable = true) String exemptionLicence) {

    public static ItemView of(DeclaredItem item) {
        return new ItemView(item.line(), item.hsCode(), item.description(), item.quantity(), item.unit(),
                item.netWeightKg(), item.grossWeightKg(), MoneyAmount.of(item.customsValue()), item.exemptionLicence());
    }
}
