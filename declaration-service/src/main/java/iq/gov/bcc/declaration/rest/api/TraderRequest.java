package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The importer, exporter or carrier responsible for the declaration.")
public record TraderRequest(
        @Schema(description = "Tax identification number", examples = "IQ-100200300")
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+", message = "may contain only letters, digits and -") String taxId,
        @Schema(description = "Registered name, in Arabic or Latin script", examples = "شركة البصرة للحديد")
        @NotBlank @Size(max = 200) @PlainText String name) {
}
