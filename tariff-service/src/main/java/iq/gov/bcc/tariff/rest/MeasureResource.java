package iq.gov.bcc.tariff.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import iq.gov.bcc.platform.problem.QueryParameters;
import iq.gov.bcc.tariff.config.TariffConfig;
import iq.gov.bcc.tariff.domain.DutyExpression;
import iq.gov.bcc.tariff.domain.DutyType;
import iq.gov.bcc.tariff.domain.Measure;
import iq.gov.bcc.tariff.domain.OriginScope;
import iq.gov.bcc.tariff.domain.SpecificUnit;
import iq.gov.bcc.tariff.domain.TariffException;
import iq.gov.bcc.tariff.service.MeasureService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/measures")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Measures", description = "Tariff measures in time: in force on a date (at) and as recorded on a date (asKnownAt)")
@SecurityRequirement(name = "keycloak")
public class MeasureResource {

    static final String CSV_HEADER = "hsPrefix,originScope,originCode,excludedCountries,dutyType,adValoremPercent,"
            + "specificAmountIqd,specificUnit,minimumIqd,maximumIqd,validFrom,validTo,legalBasis";
    private static final String CSV_EXAMPLE = CSV_HEADER + "\n"
            + "7214,ALL,,IR;TR,AD_VALOREM,15,,,,,2026-01-01,,Tariff schedule 2026 line 7214\n"
            + "2402,ALL,,,COMPOUND,30,25,UNIT,1000,,2026-01-01,,Tariff schedule 2026 line 2402\n";

    private final MeasureService measures;
    private final SecurityIdentity identity;
    private final TariffConfig config;

    MeasureResource(MeasureService measures, SecurityIdentity identity, TariffConfig config) {
        this.measures = measures;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Operation(summary = "Measures in force", description = "The measures in force on `at` (default today, Baghdad), as they were recorded at `asKnownAt` (default now). With hsCode, only measures on a prefix of it, most specific first: the first is the one an assessment applies. With originCountry, only measures whose origin scope covers it (exclusions honoured).")
    @APIResponse(responseCode = "200", description = "Matching measure versions")
    @APIResponse(responseCode = "400", description = "Bad parameter (problem+json naming it)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    public List<MeasureView> measures(
            @Parameter(description = "HS code (6-10 digits) or prefix", example = "721420") @QueryParam("hsCode") @Pattern(regexp = "[0-9]{2,10}") String hsCode,
            @Parameter(description = "ISO 3166 alpha-2 origin", example = "IR") @QueryParam("originCountry") @Pattern(regexp = "[A-Z]{2}") String originCountry,
            @Parameter(description = "Business date (default today)", example = "2026-03-20") @QueryParam("at") String at,
            @Parameter(description = "System time: what was recorded as of this instant (default now)", example = "2026-03-01T00:00:00Z") @QueryParam("asKnownAt") String asKnownAt,
            @Parameter(description = "At most this many",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "2000", defaultValue = "200"))
            @QueryParam("limit") String limit) {
        LocalDate day = Objects.requireNonNullElseGet(QueryParameters.date("at", at), () -> LocalDate.now(config.zone()));
        // A bare date is the start of that day in UTC, as the system times are recorded.
        OffsetDateTime known = Objects.requireNonNullElseGet(QueryParameters.dayOrTime("asKnownAt", asKnownAt, ZoneOffset.UTC, false),
                () -> OffsetDateTime.now(ZoneOffset.UTC));
        return measures.inForce(hsCode, originCountry, day, known, QueryParameters.limit(limit, 200, 2000)).stream().map(MeasureView::of).toList();
    }

    @GET
    @Path("/{measureId}/versions")
    @Operation(summary = "Every recorded version of a measure, oldest first")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "404", description = "No such measure")
    public List<MeasureView> versions(@PathParam("measureId") UUID measureId) {
        return measures.versions(measureId).stream().map(MeasureView::of).toList();
    }

    @GET
    @Path("/{measureId}")
    @Operation(summary = "The current version of a measure")
    @APIResponse(responseCode = "200", description = "The current version (or the last one)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "404", description = "No such measure")
    public MeasureView measure(@PathParam("measureId") UUID measureId) {
        List<Measure> versions = measures.versions(measureId);
        return MeasureView.of(versions.get(versions.size() - 1));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tariff-admin")
    @Operation(summary = "Create a measure (version 1)")
    @APIResponse(responseCode = "201", description = "Created; Location names the measure", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeasureView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a tariff-admin")
    @APIResponse(responseCode = "409", description = "Another current measure covers the same prefix and origin on overlapping days")
    @APIResponse(responseCode = "422", description = "Inconsistent duty expression, origin or unknown HS prefix")
    public Response create(@NotNull @Valid MeasureRequest request, @Context UriInfo uri) {
        Measure created = measures.create(request.terms(), user());
        return Response.created(uri.getAbsolutePathBuilder().path(created.measureId.toString()).build())
                .entity(MeasureView.of(created)).build();
    }

    @PUT
    @Path("/{measureId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tariff-admin")
    @Operation(summary = "Record the next version of a measure", description = "Corrects or ends a measure (set validTo). The previous version stays, closed in system time, so `asKnownAt` still answers what was believed before.")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "400", description = "Invalid body (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a tariff-admin")
    @APIResponse(responseCode = "404", description = "No such measure")
    @APIResponse(responseCode = "409", description = "Would overlap another current measure")
    @APIResponse(responseCode = "422", description = "Inconsistent duty expression, origin or unknown HS prefix")
    public MeasureView change(@PathParam("measureId") UUID measureId, @NotNull @Valid MeasureRequest request) {
        return MeasureView.of(measures.change(measureId, request.terms(), user()));
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed("tariff-admin")
    @Operation(summary = "Import a schedule from CSV (all or nothing)", description = "Header: " + CSV_HEADER
            + ". excludedCountries are separated by ';'. Use it to load the legal schedule in place of the SAMPLE one.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "two lines", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Every line created")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a tariff-admin")
    @APIResponse(responseCode = "409", description = "A line overlaps a current measure (nothing imported)")
    @APIResponse(responseCode = "422", description = "A line is invalid (nothing imported; the problem names the line)")
    public ImportResult importCsv(String body) {
        List<MeasureService.Terms> rows = parse(body == null ? "" : body);
        List<Measure> created = measures.importAll(rows, user());
        return new ImportResult(created.size(), created.stream().map(MeasureView::of).toList());
    }

    static List<MeasureService.Terms> parse(String csv) {
        String[] lines = csv.replace("\r", "").split("\n");
        if (lines.length == 0 || !lines[0].replace("\uFEFF", "").trim().equalsIgnoreCase(CSV_HEADER)) {
            throw TariffException.invalid("header", "the first line must be: " + CSV_HEADER);
        }
        List<MeasureService.Terms> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = "line " + (i + 1);
            List<String> f = csvFields(lines[i]);
            if (f.size() != 13) {
                throw TariffException.invalid(where, where + ": expected 13 fields, found " + f.size());
            }
            try {
                rows.add(new MeasureService.Terms(f.get(0), OriginScope.valueOf(f.get(1)), MeasureRequest.blankToNull(f.get(2)),
                        f.get(3).isBlank() ? List.of() : Arrays.stream(f.get(3).split(";")).map(String::trim).toList(),
                        new DutyExpression(DutyType.valueOf(f.get(4)), decimal(f.get(5)), decimal(f.get(6)),
                                f.get(7).isBlank() ? null : SpecificUnit.valueOf(f.get(7)), decimal(f.get(8)),
                                decimal(f.get(9))),
                        LocalDate.parse(f.get(10)), f.get(11).isBlank() ? null : LocalDate.parse(f.get(11)), f.get(12),
                        "CSV import"));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw TariffException.invalid(where, where + ": " + e.getMessage());
            }
        }
        if (rows.isEmpty()) {
            throw TariffException.invalid("body", "the CSV has no measure lines");
        }
        return rows;
    }

    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }

    private static BigDecimal decimal(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
