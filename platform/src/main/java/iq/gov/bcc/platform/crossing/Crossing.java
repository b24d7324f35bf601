package iq.gov.bcc.platform.crossing;

/**
 * A place where goods enter or leave Iraq: today the 22 land crossings, later sea ports and airports.
 *
 * @param code             short code used in every API, event and token ({@code crossing_code} claim)
 * @param nameEn           name in the spelling IOM uses
 * @param nameAr           Arabic name
 * @param kind             LAND, SEA or AIR
 * @param neighbourCountry ISO 3166 alpha-2 code of the country across the border (empty for airports)
 * @param governorate      Iraqi governorate the crossing lies in
 * @param region           FEDERAL or KURDISTAN (Kurdistan Region crossings are administered separately)
 */
public record Crossing(String code, String nameEn, String nameAr, Kind kind, String neighbourCountry,
        String governorate, Region region) {

    public enum Kind {
        LAND, SEA, AIR
    }

    public enum Region {
        FEDERAL, KURDISTAN
    }
}
