package iq.gov.bcc.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import iq.gov.bcc.platform.crossing.CrossingRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A crossing code present in the crossings registry. Null is left to @NotNull. */
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
@Constraint(validatedBy = KnownCrossing.Validator.class)
public @interface KnownCrossing {

    String message() default "is not a crossing in the BCC registry (see GET /api/v1/crossings on the audit service)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @ApplicationScoped
    class Validator implements ConstraintValidator<KnownCrossing, String> {
        private final CrossingRegistry registry;

        Validator(CrossingRegistry registry) {
            this.registry = registry;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || registry.exists(value);
        }
    }
}
