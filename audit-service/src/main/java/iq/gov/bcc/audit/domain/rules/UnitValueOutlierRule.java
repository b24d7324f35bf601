package iq.gov.bcc.audit.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * UNIT_VALUE_OUTLIER: an assessed line's customs value per kg (IQD) is far below what is usual for
 * its HS code (6 digits) and origin. "Usual" is learnt, not a price list: the median of the
 * {@code outlier-window} most recent lines of other declarations of the same HS code and origin
 * lodged no later than this one, and "far below" is a modified z-score (Iglewicz–Hoaglin,
 * 0.6745·(x − median)/MAD) under minus {@code outlier-threshold}. When the MAD is zero the mean
 * absolute deviation (×1.2533) is used; when every observation is equal, half the common value is
 * the bar. The value must also be at most {@code outlier-max-share-of-median} of the median: with few
 * observations the MAD can be small by chance, and a price a few percent under the usual is not a
 * case. No judgement with fewer than {@code outlier-min-sample} observations. At stake: the duty
 * rate of the line applied to the undervaluation (median − declared value per kg) × net weight.
 */
@ApplicationScoped
public class UnitValueOutlierRule implements DiscrepancyRule {

    private static final MathContext MC = MathContext.DECIMAL64;

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.UNIT_VALUE_OUTLIER;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        Optional<JsonNode> assessment = story.latestAssessment();
        if (assessment.isEmpty()) {
            return List.of();
        }
        JsonNode latest = story.latest().get();
        String origin = DeclarationStory.text(latest, "originCountry");
        OffsetDateTime lodgedAt = OffsetDateTime.parse(DeclarationStory.text(latest, "lodgedAt"));
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal atStake = BigDecimal.ZERO;
        for (JsonNode item : assessment.get().path("items")) {
            Optional<BigDecimal> perKg = valuePerKg(item);
            if (perKg.isEmpty()) {
                continue;
            }
            String hs6 = hs6(DeclarationStory.text(item, "hsCode"));
            List<BigDecimal> sample = context.reference().unitValues(hs6, origin, story.declarationId(), lodgedAt,
                    context.config().outlierWindow());
            if (sample.size() < context.config().outlierMinSample()) {
                continue;
            }
            BigDecimal x = perKg.get();
            BigDecimal median = median(sample);
            // Not below the share of the median: not a case whatever the spread, so the MAD is not needed.
            if (x.compareTo(median.multiply(context.config().outlierMaxShareOfMedian())) > 0) {
                continue;
            }
            BigDecimal mad = median(sample.stream().map(v -> v.subtract(median).abs()).toList());
            BigDecimal z;
            if (mad.signum() > 0) {
                z = new BigDecimal("0.6745").multiply(x.subtract(median)).divide(mad, MC);
            } else {
                BigDecimal meanAd = sample.stream().map(v -> v.subtract(median).abs()).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(sample.size()), MC);
                if (meanAd.signum() > 0) {
                    z = x.subtract(median).divide(meanAd.multiply(new BigDecimal("1.253314")), MC);
                } else {
                    z = x.compareTo(median.divide(BigDecimal.valueOf(2), MC)) < 0 ? context.config().outlierThreshold().negate()
                            .subtract(BigDecimal.ONE) : BigDecimal.ZERO;
                }
            }
            if (z.compareTo(context.config().outlierThreshold().negate()) >= 0) {
                continue;
            }
            BigDecimal net = DeclarationStory.decimal(item.path("netWeightKg"));
            BigDecimal valueIqd = DeclarationStory.decimal(item.path("customsValueIqd"));
            BigDecimal dutyBefore = DeclarationStory.decimal(item.path("dutyBeforeExemptionIqd"));
            BigDecimal rate = valueIqd.signum() == 0 ? BigDecimal.ZERO : dutyBefore.divide(valueIqd, MC);
            BigDecimal undervaluation = median.subtract(x).multiply(net);
            BigDecimal lineStake = undervaluation.multiply(rate).setScale(3, RoundingMode.HALF_UP);
            atStake = atStake.add(lineStake);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", item.path("line").asInt());
            line.put("hsCode", hs6);
            line.put("originCountry", origin);
            line.put("valuePerKgIqd", x.setScale(3, RoundingMode.HALF_UP).toPlainString());
            line.put("medianValuePerKgIqd", median.setScale(3, RoundingMode.HALF_UP).toPlainString());
            line.put("madValuePerKgIqd", mad.setScale(3, RoundingMode.HALF_UP).toPlainString());
            line.put("robustZ", z.setScale(2, RoundingMode.HALF_UP).toPlainString());
            line.put("shareOfMedian", x.divide(median, MC).setScale(3, RoundingMode.HALF_UP).toPlainString());
            line.put("sampleSize", sample.size());
            line.put("undervaluationIqd", undervaluation.setScale(3, RoundingMode.HALF_UP).toPlainString());
            line.put("atStakeIqd", lineStake.toPlainString());
            lines.add(line);
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("threshold", context.config().outlierThreshold().toPlainString());
        evidence.put("lines", lines);
        return List.of(Finding.of(type(), story.declarationId(), atStake, evidence));
    }

    /** Customs value in IQD per kg of net weight of an assessed line. */
    public static Optional<BigDecimal> valuePerKg(JsonNode assessedItem) {
        BigDecimal net = DeclarationStory.decimal(assessedItem.path("netWeightKg"));
        if (net.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(DeclarationStory.decimal(assessedItem.path("customsValueIqd")).divide(net, 6, RoundingMode.HALF_UP));
    }

    public static String hs6(String hsCode) {
        return hsCode.length() > 6 ? hsCode.substring(0, 6) : hsCode;
    }

    /**
     * The median, by selection rather than a full sort (a window holds up to 500 values, and every event of
     * an assessed declaration re-evaluates its lines): the same value as sorting and taking the middle.
     */
    static BigDecimal median(List<BigDecimal> values) {
        BigDecimal[] a = values.toArray(BigDecimal[]::new);
        int n = a.length;
        BigDecimal upper = select(a, n / 2);
        if (n % 2 == 1) {
            return upper;
        }
        // After selecting n/2, everything before it is no greater: the lower middle is their maximum.
        BigDecimal lower = a[0];
        for (int i = 1; i < n / 2; i++) {
            if (a[i].compareTo(lower) > 0) {
                lower = a[i];
            }
        }
        return lower.add(upper).divide(BigDecimal.valueOf(2), MC);
    }

    /** Hoare's selection: rearranges {@code a} so that a[k] is the k-th smallest and a[0..k) are no greater. */
    private static BigDecimal select(BigDecimal[] a, int k) {
        int from = 0;
        int to = a.length - 1;
        while (from < to) {
            BigDecimal pivot = a[(from + to) >>> 1];
            int i = from;
            int j = to;
            while (i <= j) {
                while (a[i].compareTo(pivot) < 0) {
                    i++;
                }
                while (a[j].compareTo(pivot) > 0) {
                    j--;
                }
                if (i <= j) {
                    BigDecimal t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                to = j;
            } else if (k >= i) {
                from = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "the declared value per kg of the latest version is no longer far below the usual value";
    }
}
