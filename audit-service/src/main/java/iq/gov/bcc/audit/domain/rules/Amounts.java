package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.config.AuditConfig;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Money arithmetic shared by the payment rules. */
final class Amounts {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Amounts() {
    }

    /** The shortfall that is tolerated: the larger of the IQD and the percentage tolerance. */
    static BigDecimal tolerance(AuditConfig config, BigDecimal duty) {
        BigDecimal percent = duty.multiply(config.underpaymentTolerancePercent()).divide(HUNDRED, 3, RoundingMode.HALF_UP);
        return percent.max(config.underpaymentToleranceIqd());
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? BigDecimal.ZERO : numerator.divide(denominator, MathContext.DECIMAL64);
    }
}
