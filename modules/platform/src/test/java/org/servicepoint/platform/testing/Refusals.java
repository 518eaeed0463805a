package org.servicepoint.platform.testing;

import org.servicepoint.platform.control.Refusal;

/** The refusal a piece of work ends in, for the many tests that go on to check its status, type and violations. */
public final class Refusals {

    private Refusals() {
    }

    /** The {@link Refusal} {@code work} throws; fails the test if it throws none. */
    public static Refusal refusalOf(Runnable work) {
        try {
            work.run();
        } catch (Refusal refusal) {
            return refusal;
        }
        throw new AssertionError("expected a refusal, but the work went through");
    }
}
