package iq.gov.bcc.declaration.rest.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import iq.gov.bcc.declaration.domain.Direction;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;

/**
 * A transit names where and by when it must leave Iraq; an import or export names neither. Each
 * problem is reported on the field it concerns.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = ConsistentTransit.Validator.class)
@interface ConsistentTransit {

    String message() default "inconsistent transit fields";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentTransit, DeclarationRequest> {
        static final Duration LONGEST_TRANSIT = Duration.ofDays(366);

        @Override
        public boolean isValid(DeclarationRequest d, ConstraintValidatorContext context) {
            if (d == null || d.direction() == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (d.direction() == Direction.TRANSIT) {
                if (d.exitCrossingCode() == null) {
                    valid = violation(context, "exitCrossingCode", "is required for a TRANSIT declaration");
                } else if (d.exitCrossingCode().equals(d.crossingCode())) {
                    valid = violation(context, "exitCrossingCode", "must differ from crossingCode");
                }
                if (d.transitDeadline() == null) {
                    valid = violation(context, "transitDeadline", "is required for a TRANSIT declaration");
                } else if (d.lodgedAt() != null && !d.transitDeadline().isAfter(d.lodgedAt())) {
                    valid = violation(context, "transitDeadline", "must be after lodgedAt");
                } else if (d.lodgedAt() != null && d.transitDeadline().isAfter(d.lodgedAt().plus(LONGEST_TRANSIT))) {
                    // A transit crosses Iraq in days; a deadline years away would never be overdue.
                    valid = violation(context, "transitDeadline", "must be at most 366 days after lodgedAt");
                }
            } else {
                if (d.exitCrossingCode() != null) {
                    valid = violation(context, "exitCrossingCode", "is only for TRANSIT declarations");
                }
                if (d.transitDeadline() != null) {
                    valid = violation(context, "transitDeadline", "is only for TRANSIT declarations");
                }
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
