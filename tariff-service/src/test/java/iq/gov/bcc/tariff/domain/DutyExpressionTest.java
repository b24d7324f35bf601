package iq.gov.bcc.tariff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DutyExpressionTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void adValoremRoundsHalfUpToThreeDecimalsOnce() {
        DutyExpression e = new DutyExpression(DutyType.AD_VALOREM, d("15"), null, null, null, null).validated();
        assertThat(e.apply(d("0.0033"), null, null).amountIqd()).isEqualByComparingTo("0.000");
        assertThat(e.apply(d("0.0034"), null, null).amountIqd().toPlainString()).isEqualTo("0.001");
        assertThat(e.apply(d("17292000.000"), null, null).amountIqd().toPlainString()).isEqualTo("2593800.000");
        assertThat(e.describe()).isEqualTo("15 %");
    }

    @Test
    void specificPerKgAndPerUnitWithBounds() {
        DutyExpression kg = new DutyExpression(DutyType.SPECIFIC, null, d("100"), SpecificUnit.KG, d("500"), d("1000"));
        assertThat(kg.apply(d("1"), d("2"), d("99")).amountIqd()).isEqualByComparingTo("500");
        assertThat(kg.apply(d("1"), d("7.5"), d("99")).amountIqd()).isEqualByComparingTo("750");
        assertThat(kg.apply(d("1"), d("20"), d("99")).amountIqd()).isEqualByComparingTo("1000");
        DutyExpression unit = new DutyExpression(DutyType.SPECIFIC, null, d("3"), SpecificUnit.UNIT, null, null);
        assertThat(unit.apply(d("1"), d("1000"), d("7")).amountIqd()).isEqualByComparingTo("21");
        assertThat(unit.describe()).isEqualTo("3 IQD/unit");
    }

    @Test
    void compoundAddsBothParts() {
        DutyExpression e = new DutyExpression(DutyType.COMPOUND, d("30"), d("25"), SpecificUnit.UNIT, d("1000"), null);
        assertThat(e.apply(d("10000"), d("5"), d("200")).amountIqd()).isEqualByComparingTo("8000");
        assertThat(e.describe()).isEqualTo("30 % + 25 IQD/unit, min 1,000 IQD");
    }

    @Test
    void inconsistentExpressionsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new DutyExpression(DutyType.COMPOUND, d("5"), null, null, null, null).validated())
                .isInstanceOfSatisfying(TariffException.class, e -> assertThat(e.field()).isEqualTo("specificAmountIqd"));
        assertThatThrownBy(() -> new DutyExpression(DutyType.AD_VALOREM, d("5"), null, null, d("10"), d("5")).validated())
                .isInstanceOfSatisfying(TariffException.class, e -> assertThat(e.field()).isEqualTo("minimumIqd"));
    }

    @Test
    void moneyIsWrittenAsDecimalFormatWritesIt() {
        DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(DutyExpression.ROUNDING);
        for (String fixed : new String[] {"0", "0.000", "-0.0004", "-0.0005", "0.0005", "999.9995", "1000", "1E+7",
                "17292000.000", "2593800.500", "123456789012345678.12345", "-1234.5", "0.1", "100.10"}) {
            assertThat(DutyExpression.money(d(fixed))).as(fixed).isEqualTo(format.format(d(fixed)));
        }
        Random random = new Random(20261122);
        for (int i = 0; i < 100_000; i++) {
            BigDecimal value = new BigDecimal(new BigInteger(random.nextInt(80) + 1, random), random.nextInt(12) - 3);
            if (random.nextInt(10) == 0) {
                value = value.negate();
            }
            assertThat(DutyExpression.money(value)).as(value.toString()).isEqualTo(format.format(value));
        }
    }
}
