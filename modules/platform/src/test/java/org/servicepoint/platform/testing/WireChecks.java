package org.servicepoint.platform.testing;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;

/**
 * Bean Validation of a wire record, as the JAX-RS runtime runs it before a resource method sees the record. The
 * module under test brings the implementation (Hibernate Validator) on its test class path.
 */
public final class WireChecks {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private WireChecks() {
    }

    /** The fields {@code record} is refused for, sorted; a field refused by two constraints is named twice. */
    public static List<String> invalid(Object record) {
        return VALIDATOR.validate(record).stream().map(v -> v.getPropertyPath().toString()).sorted().toList();
    }
}
