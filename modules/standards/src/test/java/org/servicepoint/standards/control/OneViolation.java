package org.servicepoint.standards.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.standards.control.Catalogues.lineWith;

import org.assertj.core.api.AbstractStringAssert;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;

/**
 * The single problem a document was refused for. Every refusal test asks which field, which line of which
 * file and what it says; the questions are asked here once so a test reads as its expectation.
 */
record OneViolation(String file, String document, Violation violation) {

    static OneViolation of(Refusal refusal, String file, String document) {
        assertThat(refusal.violations()).hasSize(1);
        return new OneViolation(file, document, refusal.violations().get(0));
    }

    OneViolation isAbout(String field) {
        assertThat(violation.field()).isEqualTo(field);
        return this;
    }

    OneViolation isOnLine(int line) {
        assertThat(violation.at()).isEqualTo(file + ":" + line);
        return this;
    }

    /** On the only line of the document that contains {@code fragment}. */
    OneViolation isOnLineWith(String fragment) {
        return isOnLine(lineWith(document, fragment));
    }

    AbstractStringAssert<?> message() {
        return assertThat(violation.message());
    }
}
