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
 * crossing clock that runs a little fast. Offline uploads of old facts are fine, back to 2000: an
 * earlier year is a typo (or a year the database cannot store, which would otherwise fail the insert).
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
        static final OffsetDateTime EARLIEST = OffsetDateTime.parse("2000-01-01T00:00:00Z");

        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            if (value != null && value.isBefore(EARLIEST)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must not be before 2000-01-01T00:00:00Z")
                        .addConstraintViolation();
                return false;
            }
            return value == null || !value.isAfter(OffsetDateTime.now().plus(CLOCK_SKEW));
        }
    }
}
