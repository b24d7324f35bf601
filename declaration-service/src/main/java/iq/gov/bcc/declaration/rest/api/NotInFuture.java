package iq.gov.bcc.declaration.rest.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A time a crossing reports for something that has happened: not later than now, allowing for a
 * crossing clock that runs a little fast. Offline uploads of old facts are fine.
 */
@Target({ FIELD, RECORD_COMPONENT })
@Retention(RUNTIME)
@Constraint(validatedBy = NotInFuture.Validator.class)
public @interface NotInFuture {

    String message() default "must not be in the future (more than 15 minutes ahead of the server clock)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotInFuture, OffsetDateTime> {
        static final Duration CLOCK_SKEW = Duration.ofMinutes(15);

        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            return value == null || !value.isAfter(OffsetDateTime.now().plus(CLOCK_SKEW));
        }
    }
}
