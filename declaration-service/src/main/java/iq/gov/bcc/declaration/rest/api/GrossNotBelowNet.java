package iq.gov.bcc.declaration.rest.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Packaging cannot weigh less than nothing: gross weight at least net weight, reported on grossWeightKg. */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = GrossNotBelowNet.Validator.class)
@interface GrossNotBelowNet {

    String message() default "must not be below netWeightKg";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<GrossNotBelowNet, ItemRequest> {
        @Override
        public boolean isValid(ItemRequest item, ConstraintValidatorContext context) {
            if (item == null || item.netWeightKg() == null || item.grossWeightKg() == null
                    || item.grossWeightKg().compareTo(item.netWeightKg()) >= 0) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("grossWeightKg").addConstraintViolation();
            return false;
        }
    }
}
