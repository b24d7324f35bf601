package iq.gov.bcc.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What crosses each border, by origin: HS codes (HS 2022), descriptions as the crossings write them,
 * usual consignment sizes and unit prices. Prices are indicative, in US dollars per kg of net
 * weight, for plausible values rather than market data; the audit service learns what is usual from
 * the traffic itself.
 */
public final class Goods {

    /** One kind of goods as it is usually declared. */
    public record Commodity(String hsCode, String english, String arabic, double usdPerKg, int minNetKg, int maxNetKg,
            Double kgPerUnit, Optional<String> cheaperHsCode) {

        /** KGM for goods counted by weight, NAR (pieces) otherwise. */
        public String unit() {
            return kgPerUnit == null ? "KGM" : "NAR";
        }

        public String description() {
            return english + " / " + arabic;
        }
    }

    private static Commodity bulk(String hs, String en, String ar, double usdPerKg, int minKg, int maxKg) {
        return new Commodity(hs, en, ar, usdPerKg, minKg, maxKg, null, Optional.empty());
    }

    private static Commodity renamed(String hs, String en, String ar, double usdPerKg, int minKg, int maxKg, String cheaper) {
        return new Commodity(hs, en, ar, usdPerKg, minKg, maxKg, null, Optional.of(cheaper));
    }

    private static Commodity pieces(String hs, String en, String ar, double usdPerKg, int minKg, int maxKg, double kgPerUnit) {
        return new Commodity(hs, en, ar, usdPerKg, minKg, maxKg, kgPerUnit, Optional.empty());
    }

    /** Cigarettes: the tobacco risk rule sends them to the RED lane. */
    public static final Commodity CIGARETTES = pieces("240220", "Cigarettes containing tobacco", "سكائر تحتوي على التبغ",
            22.0, 2_000, 8_000, 0.2);

    /** Exports from Iraq: dates, to every neighbour. */
    public static final Commodity DATES = bulk("080410", "Dates, fresh or dried", "تمور", 1.1, 10_000, 24_000);

    /** Goods declared with an exemption licence: generating sets and transformers for investment projects. */
    public static final Commodity GENERATORS = pieces("850213", "Generating sets, diesel, over 375 kVA",
            "مولدات كهربائية ديزل أكثر من 375 ك.ف.أ", 9.5, 6_000, 18_000, 3_000.0);
    public static final Commodity TRANSFORMERS = pieces("850423", "Liquid dielectric transformers over 10 MVA",
            "محولات كهربائية بعازل سائل", 7.0, 8_000, 20_000, 4_000.0);

    private static final Map<String, List<Commodity>> BY_ORIGIN = Map.of(
            "IR", List.of(
                    bulk("252329", "Portland cement, grey", "سمنت بورتلاندي رمادي", 0.065, 24_000, 32_000),
                    bulk("721420", "Reinforcing steel bars", "حديد تسليح", 0.62, 22_000, 30_000),
                    bulk("070200", "Tomatoes, fresh", "طماطة طازجة", 0.45, 12_000, 20_000),
                    renamed("870899", "Parts and accessories of motor vehicles", "أدوات احتياطية للسيارات", 6.5,
                            3_000, 9_000, "731815"),
                    bulk("690721", "Ceramic floor tiles", "كاشي سيراميك للأرضيات", 0.42, 18_000, 26_000),
                    pieces("850211", "Generating sets, diesel, up to 75 kVA", "مولدات ديزل لغاية 75 ك.ف.أ", 8.0,
                            4_000, 10_000, 800.0)),
            "TR", List.of(
                    renamed("610910", "T-shirts of cotton, knitted", "قمصان قطنية محبوكة", 11.0, 2_000, 6_000, "520811"),
                    renamed("940360", "Wooden furniture", "أثاث خشبي", 3.2, 4_000, 9_000, "441899"),
                    bulk("190531", "Sweet biscuits", "بسكويت محلى", 2.1, 8_000, 16_000),
                    pieces("841821", "Household refrigerators", "ثلاجات منزلية", 4.2, 5_000, 10_000, 60.0),
                    renamed("330499", "Beauty and skin-care preparations", "مستحضرات تجميل والعناية بالبشرة", 14.0,
                            1_500, 5_000, "340120"),
                    CIGARETTES),
            "SY", List.of(
                    bulk("080510", "Oranges, fresh", "برتقال طازج", 0.55, 14_000, 22_000),
                    bulk("520512", "Cotton yarn, single, uncombed", "غزل قطني مفرد", 3.1, 6_000, 12_000),
                    bulk("340111", "Toilet soap", "صابون تواليت", 1.4, 6_000, 12_000)),
            "JO", List.of(
                    bulk("300490", "Medicaments, packaged for retail", "أدوية معبأة للبيع بالتجزئة", 42.0, 500, 2_500),
                    bulk("040690", "Cheese", "جبن", 5.2, 6_000, 12_000),
                    renamed("330499", "Beauty and skin-care preparations", "مستحضرات تجميل والعناية بالبشرة", 13.5,
                            1_500, 5_000, "340120"),
                    CIGARETTES),
            "SA", List.of(
                    bulk("390110", "Polyethylene, density under 0.94", "بولي أثيلين منخفض الكثافة", 1.15, 20_000, 26_000),
                    bulk("040221", "Milk powder, unsweetened", "حليب مجفف غير محلى", 3.4, 10_000, 20_000),
                    bulk("170199", "White sugar", "سكر أبيض", 0.52, 22_000, 30_000)),
            "KW", List.of(
                    pieces("870323", "Passenger cars, 1500 to 3000 cc", "سيارات ركاب سعة 1500 إلى 3000 سي سي", 12.0,
                            2_800, 9_000, 1_400.0),
                    bulk("271019", "Lubricating oils", "زيوت تشحيم", 1.8, 16_000, 24_000),
                    bulk("847130", "Portable computers", "حاسبات محمولة", 38.0, 500, 2_000)));

    /** Currencies invoices are written in, by origin, and their indicative rate to the US dollar. */
    private static final Map<String, String> CURRENCY = Map.of("IR", "USD", "TR", "TRY", "SY", "USD", "JO", "JOD",
            "SA", "SAR", "KW", "KWD");
    private static final Map<String, BigDecimal> UNITS_PER_USD = Map.of("USD", BigDecimal.ONE,
            "TRY", new BigDecimal("34.4737"), "JOD", new BigDecimal("0.70926"), "SAR", new BigDecimal("3.75358"),
            "KWD", new BigDecimal("0.30751"));

    private Goods() {
    }

    public static List<Commodity> from(String origin) {
        List<Commodity> goods = BY_ORIGIN.get(origin);
        if (goods == null) {
            throw new IllegalArgumentException("no goods known from " + origin);
        }
        return goods;
    }

    public static String currency(String origin) {
        return CURRENCY.get(origin);
    }

    /** US dollars in the invoice currency. */
    public static BigDecimal fromUsd(BigDecimal usd, String currency) {
        return usd.multiply(UNITS_PER_USD.get(currency));
    }

    /** Holders of exemption licences and ordinary traders, by origin of their goods. */
    public static final Trader INVESTOR = new Trader("IQ-300400500", "شركة الرافدين لتوليد الطاقة");

    public record Trader(String taxId, String name) {
    }

    private static final Map<String, List<Trader>> TRADERS = Map.of(
            "IR", List.of(new Trader("IQ-100200300", "شركة البصرة للحديد"), new Trader("IQ-100200311", "مؤسسة ميسان التجارية"),
                    new Trader("IQ-100200322", "شركة الكوت للمواد الإنشائية")),
            "TR", List.of(new Trader("IQ-200300401", "شركة زاخو للتجارة العامة"), new Trader("IQ-200300412", "Erbil Trading Co.")),
            "SY", List.of(new Trader("IQ-400500601", "شركة القائم للاستيراد"), new Trader("IQ-400500612", "مكتب الأنبار التجاري")),
            "JO", List.of(new Trader("IQ-500600701", "شركة طريبيل للأدوية"), new Trader("IQ-500600712", "شركة الرطبة للأغذية")),
            "SA", List.of(new Trader("IQ-600700801", "شركة عرعر للتجارة"), new Trader("IQ-600700812", "مؤسسة النجف للمواد الغذائية")),
            "KW", List.of(new Trader("IQ-700800901", "معرض صفوان للسيارات"), new Trader("IQ-700800912", "شركة البصرة للزيوت")));

    public static List<Trader> traders(String origin) {
        return TRADERS.get(origin);
    }
}
