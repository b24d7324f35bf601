package iq.gov.bcc.tariff.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a duty is computed: ad valorem (percent of the customs value in IQD), specific (IQD per kg of net
 * weight or per unit of quantity), or compound (the sum of both), then raised to the minimum and capped
 * at the maximum when those are set. Results are rounded half-up to 3 decimals (fils), once, at the end.
 */
public record DutyExpression(DutyType type, BigDecimal adValoremPercent, BigDecimal specificAmountIqd,
        SpecificUnit specificUnit, BigDecimal minimumIqd, BigDecimal maximumIqd) {

    public static final int SCALE = 3;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Rejects expressions that cannot be computed; names the offending field. */
    public DutyExpression validated() {
        if (type == null) {
            throw TariffException.invalid("dutyType", "dutyType is required (AD_VALOREM, SPECIFIC or COMPOUND)");
        }
        boolean needsPercent = type != DutyType.SPECIFIC;
        boolean needsSpecific = type != DutyType.AD_VALOREM;
        if (needsPercent && (adValoremPercent == null || adValoremPercent.signum() < 0
                || adValoremPercent.compareTo(BigDecimal.valueOf(1000)) > 0)) {
            throw TariffException.invalid("adValoremPercent", type + " needs adValoremPercent between 0 and 1000");
        }
        if (!needsPercent && adValoremPercent != null) {
            throw TariffException.invalid("adValoremPercent", "a SPECIFIC duty has no adValoremPercent");
        }
        if (needsSpecific && (specificAmountIqd == null || specificAmountIqd.signum() < 0 || specificUnit == null)) {
            throw TariffException.invalid("specificAmountIqd",
                    type + " needs specificAmountIqd (>= 0) and specificUnit (KG or UNIT)");
        }
        if (!needsSpecific && (specificAmountIqd != null || specificUnit != null)) {
            throw TariffException.invalid("specificAmountIqd", "an AD_VALOREM duty has no specific amount");
        }
        if (minimumIqd != null && minimumIqd.signum() < 0) {
            throw TariffException.invalid("minimumIqd", "minimumIqd must not be negative");
        }
        if (maximumIqd != null && maximumIqd.signum() < 0) {
            throw TariffException.invalid("maximumIqd", "maximumIqd must not be negative");
        }
        if (minimumIqd != null && maximumIqd != null && minimumIqd.compareTo(maximumIqd) > 0) {
            throw TariffException.invalid("minimumIqd", "minimumIqd must not exceed maximumIqd");
        }
        return this;
    }

    /** The duty on one item and how it was reached, in words. */
    public record Duty(BigDecimal amountIqd, String working) {
    }

    public Duty apply(BigDecimal customsValueIqd, BigDecimal netWeightKg, BigDecimal quantity) {
        BigDecimal amount = BigDecimal.ZERO;
        StringBuilder working = new StringBuilder();
        if (type != DutyType.SPECIFIC) {
            BigDecimal adValorem = customsValueIqd.multiply(adValoremPercent).divide(HUNDRED);
            amount = amount.add(adValorem);
            working.append(plain(adValoremPercent)).append(" % of ").append(money(customsValueIqd)).append(" IQD = ")
                    .append(money(adValorem)).append(" IQD");
        }
        if (type != DutyType.AD_VALOREM) {
            BigDecimal base = specificUnit == SpecificUnit.KG ? orZero(netWeightKg) : orZero(quantity);
            BigDecimal specific = base.multiply(specificAmountIqd);
            amount = amount.add(specific);
            if (working.length() > 0) {
                working.append(" plus ");
            }
            working.append(money(specificAmountIqd)).append(" IQD per ")
                    .append(specificUnit == SpecificUnit.KG ? "kg on " + plain(base) + " kg net"
                            : "unit on " + plain(base) + " units")
                    .append(" = ").append(money(specific)).append(" IQD");
        }
        if (minimumIqd != null && amount.compareTo(minimumIqd) < 0) {
            working.append(", raised to the minimum of ").append(money(minimumIqd)).append(" IQD");
            amount = minimumIqd;
        }
        if (maximumIqd != null && amount.compareTo(maximumIqd) > 0) {
            working.append(", capped at the maximum of ").append(money(maximumIqd)).append(" IQD");
            amount = maximumIqd;
        }
        return new Duty(amount.setScale(SCALE, ROUNDING), working.toString());
    }

    /** Short human form, e.g. {@code 15 %}, {@code 100 IQD/kg}, {@code 30 % + 25 IQD/unit, min 1,000 IQD}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (type != DutyType.SPECIFIC) {
            text.append(plain(adValoremPercent)).append(" %");
        }
        if (type != DutyType.AD_VALOREM) {
            if (text.length() > 0) {
                text.append(" + ");
            }
            text.append(money(specificAmountIqd)).append(" IQD/").append(specificUnit == SpecificUnit.KG ? "kg" : "unit");
        }
        if (minimumIqd != null) {
            text.append(", min ").append(money(minimumIqd)).append(" IQD");
        }
        if (maximumIqd != null) {
            text.append(", max ").append(money(maximumIqd)).append(" IQD");
        }
        return text.toString();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /**
     * Grouped thousands, up to 3 decimals rounded half-up: 17,292,000 or 2,593,800.5. The same text as
     * {@code new DecimalFormat("#,##0.###")} with {@link #ROUNDING} (DutyExpressionTest compares them), written by
     * hand because an assessment formats dozens of amounts and DecimalFormat was a tenth of the event path's CPU.
     */
    public static String money(BigDecimal value) {
        BigDecimal rounded = value.setScale(SCALE, ROUNDING).stripTrailingZeros();
        String digits = rounded.abs().toPlainString();
        int point = digits.indexOf('.');
        int integerDigits = point < 0 ? digits.length() : point;
        StringBuilder text = new StringBuilder(digits.length() + integerDigits / 3 + 1);
        // DecimalFormat keeps the sign of a negative amount that rounds to zero: "-0".
        if (value.signum() < 0) {
            text.append('-');
        }
        for (int i = 0; i < integerDigits; i++) {
            if (i > 0 && (integerDigits - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        if (point >= 0) {
            text.append(digits, point, digits.length());
        }
        return text.toString();
    }
}
