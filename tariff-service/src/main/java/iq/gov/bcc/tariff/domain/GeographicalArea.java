package iq.gov.bcc.tariff.domain;

import java.util.Map;
import java.util.Set;

/** The named country groups a measure's origin scope can name (ISO 3166 alpha-2 members). */
public final class GeographicalArea {

    public static final Map<String, Set<String>> GROUPS = Map.of(
            "GCC", Set.of("SA", "KW", "AE", "QA", "BH", "OM"),
            "ARAB_LEAGUE", Set.of("DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM",
                    "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"),
            "EU", Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
                    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"));

    private GeographicalArea() {
    }

    public static boolean isGroup(String code) {
        return GROUPS.containsKey(code);
    }

    public static boolean contains(String group, String country) {
        Set<String> members = GROUPS.get(group);
        return members != null && members.contains(country);
    }
}
