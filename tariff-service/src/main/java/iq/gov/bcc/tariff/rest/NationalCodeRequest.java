package iq.gov.bcc.tariff.rest;

import iq.gov.bcc.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A national tariff line subdividing an HS subheading")
public record NationalCodeRequest(
        @NotBlank @Pattern(regexp = "[0-9]{8}|[0-9]{10}", message = "must be 8 or 10 digits") @Schema(example = "72142010") String code,
        @NotBlank @Size(max = 2000) @PlainText @Schema(example = "حديد تسليح بقطر لا يتجاوز 12 ملم") String description) {
}
