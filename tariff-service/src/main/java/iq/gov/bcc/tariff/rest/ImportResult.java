package iq.gov.bcc.tariff.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Measures created by a CSV import (all or nothing)")
public record ImportResult(@Schema(example = "2") int created, List<MeasureView> measures) {
}
