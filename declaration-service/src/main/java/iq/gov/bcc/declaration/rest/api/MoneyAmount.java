package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.Money;
import iq.gov.bcc.platform.validation.IsoCurrency;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An amount of money: a decimal string, never a binary floating-point number, and its currency.")
public record MoneyAmount(
        @Schema(description = "Positive decimal string, at most 3 decimals", examples = "13200.00", pattern = Patterns.AMOUNT)
        @NotNull @Pattern(regexp = Patterns.AMOUNT, message = Patterns.AMOUNT_MESSAGE) String amount,
        @Schema(description = "ISO 4217 currency code", examples = "USD")
        @NotNull @IsoCurrency String currency) {

    public Money toMoney() {
        return new Money(new BigDecimal(amount), currency);
    }

    public static MoneyAmount of(Money money) {
        return new MoneyAmount(money.amount().toPlainString(), money.currency());
    }
}
