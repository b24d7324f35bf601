package iq.gov.bcc.tariff.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A declaration version as the declaration contract defines it (docs/event-contracts.md), the input of
 * an assessment. Fields the assessment does not need (lane, reason, ...) are accepted and ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A declaration (version) as filed with declaration-service; only the fields an assessment needs are required.")
public record Declaration(
        @Schema(description = "Declaration id; optional for a preview", example = "0b7f5c1e-2a1d-4c39-9a57-3f3c9f1d2e11") UUID declarationId,
        @Schema(description = "Declaration version; optional for a preview", example = "1") Integer version,
        @NotBlank @Size(max = 8) @Schema(example = "SHL") String crossingCode,
        @Schema(example = "SHL-2026-000123") String reference,
        @Schema(example = "IMPORT") String direction,
        @NotNull @Schema(description = "Lodgement time; selects the measures, rates and licence validity", example = "2026-11-21T06:30:00Z") OffsetDateTime lodgedAt,
        @Valid Trader trader,
        @Schema(example = "BSR 12345") String vehiclePlate,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") @Schema(example = "IR") String originCountry,
        @NotEmpty @Size(max = 999) List<@Valid @NotNull Item> items) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trader(
            @NotBlank @Schema(example = "IQ-100200300") String taxId,
            @Schema(example = "شركة البصرة للحديد") String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(
            @Schema(example = "1") Integer line,
            @NotBlank @Pattern(regexp = "[0-9]{6,10}", message = "must be 6 to 10 digits") @Schema(example = "721420") String hsCode,
            @Schema(example = "Reinforcing steel bars") String description,
            @DecimalMin("0") @Schema(example = "24000") BigDecimal quantity,
            @Schema(example = "KGM") String unit,
            @NotNull @DecimalMin("0") @Schema(example = "24000.000") BigDecimal netWeightKg,
            @DecimalMin("0") @Schema(example = "24350.000") BigDecimal grossWeightKg,
            @NotNull @Valid Money customsValue,
            @Schema(description = "Exemption licence number, if the declarant claims one", example = "INV-2024-0042") String exemptionLicence) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Money(
            @NotNull @DecimalMin("0") @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, description = "Decimal amount", example = "13200.00") BigDecimal amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") @Schema(example = "USD") String currency) {
    }
}
