package iq.gov.bcc.tariff.rest;

import iq.gov.bcc.tariff.domain.Commodity;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A nomenclature code: HS chapter (2), heading (4), subheading (6) or national line (8/10)")
public record CommodityView(
        @Schema(example = "721420") String code,
        @Schema(example = "6") int level,
        @Schema(example = "Bars and rods; of iron or non-alloy steel, containing indentations, ribs, grooves or other deformations produced during the rolling process or twisted after rolling") String description,
        @Schema(example = "7214") String parent,
        @Schema(example = "XV") String section,
        @Schema(description = "True for a national 8-10 digit line added by a tariff administrator", example = "false") boolean national,
        @Schema(description = "Direct subdivisions (only on a single-code lookup)") List<CommodityView> children) {

    static CommodityView of(Commodity c, List<Commodity> children) {
        return new CommodityView(c.code, c.level, c.description, c.parent, c.section, c.national,
                children == null ? null : children.stream().map(child -> of(child, null)).toList());
    }
}
