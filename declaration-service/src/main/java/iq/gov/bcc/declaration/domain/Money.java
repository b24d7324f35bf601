package iq.gov.bcc.declaration.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/** An amount in an ISO 4217 currency. Never a double; written as a decimal string in JSON. */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {
}
