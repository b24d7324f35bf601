package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.platform.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One line of goods.")
@GrossNotBelowNet
public record ItemRequest(
        @Schema(description = "HS code (6 digits) or national code (8 or 10 digits)", examples = "721420")
        @NotNull @Pattern(regexp = Patterns.HS_CODE, message = Patterns.HS_CODE_MESSAGE) String hsCode,
        @Schema(description = "Commercial description of the goods", examples = "Reinforcing steel bars, hot-rolled")
        @NotBlank @Size(max = 500) @PlainText String description,
        @Schema(description = "Quantity in `unit`", examples = "24000")
        @NotNull @Positive @Digits(integer = 12, fraction = 3) BigDecimal quantity,
        @Schema(description = "UN/ECE Recommendation 20 unit code: KGM kilograms, NAR pieces, LTR litres ...", examples = "KGM")
        @NotNull @Pattern(regexp = "[A-Z0-9]{2,3}", message = "must be a UN/ECE Rec. 20 unit code such as KGM or NAR") String unit,
        @Schema(description = "Net weight in kilograms", examples = "24000.000")
        @NotNull @Positive @Digits(integer = 9, fraction = 3) @DecimalMax("100000000") BigDecimal netWeightKg,
        @Schema(description = "Gross weight in kilograms (packaging included); not below the net weight", examples = "24350.000")
        @NotNull @Positive @Digits(integer = 9, fraction = 3) @DecimalMax("100000000") BigDecimal grossWeightKg,
        @Schema(description = "Customs value of the line")
        @NotNull @Valid MoneyAmount customsValue,
        @Schema(description = "Number of the exemption licence claimed for this line, if any", examples = "INV-2024-0042", nullable = true)
        @Size(max = 40) @Pattern(regexp = Patterns.IDENTIFIER, message = Patterns.IDENTIFIER_MESSAGE) String exemptionLicence) {
}
