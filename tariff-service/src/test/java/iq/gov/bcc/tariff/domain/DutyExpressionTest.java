package iq.gov.bcc.tariff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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
}
