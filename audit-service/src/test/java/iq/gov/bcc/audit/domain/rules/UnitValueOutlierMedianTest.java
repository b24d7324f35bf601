package iq.gov.bcc.audit.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The median by selection is the median by sorting, for odd and even sizes and many equal values. */
class UnitValueOutlierMedianTest {

    private static BigDecimal sortedMedian(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }

    @Test
    void selectionGivesTheSortedMedian() {
        Random random = new Random(20261122);
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + random.nextInt(round % 10 == 0 ? 600 : 40);
            // Few distinct values in some rounds (ties everywhere), many in others; scales differ.
            int distinct = random.nextBoolean() ? 1 + random.nextInt(4) : 1_000_000;
            List<BigDecimal> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(BigDecimal.valueOf(random.nextInt(distinct), random.nextInt(7)));
            }
            List<BigDecimal> copy = List.copyOf(values);
            // Equal in value: among equal values of different scales, which one is picked may differ.
            assertThat(UnitValueOutlierRule.median(values)).as("%s", values).isEqualByComparingTo(sortedMedian(values));
            assertThat(values).as("the caller's list is left as it was").isEqualTo(copy);
        }
    }

    @Test
    void smallCases() {
        assertThat(UnitValueOutlierRule.median(List.of(new BigDecimal("7.5")))).isEqualByComparingTo("7.5");
        assertThat(UnitValueOutlierRule.median(List.of(new BigDecimal("3"), new BigDecimal("1")))).isEqualByComparingTo("2");
        assertThat(UnitValueOutlierRule.median(List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO)))
                .isEqualByComparingTo("1");
    }
}
