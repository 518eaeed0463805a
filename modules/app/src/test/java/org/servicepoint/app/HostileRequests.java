package org.servicepoint.app;

import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * The property the robustness suite checks, one endpoint family at a time: every hostile request is refused.
 * Not a test of its own (its name ends in neither Test nor IT): {@link RobustnessSuite} launches it on the jqwik
 * engine from inside the in-container run, where the application answers, and hands it the family to check.
 */
public class HostileRequests {

    /** The family being checked: its requests, and the check that says what was wrong with an answer (null: nothing). */
    record Family(Arbitrary<HostileInputs.Request> requests, Function<HostileInputs.Request, String> check) {
    }

    static volatile Family family;

    /**
     * Every try sends one request; the check records what went wrong and the suite fails on it afterwards with all
     * of them, so shrinking (which would send many more) stays off. Tries come from jqwik.tries.default.
     */
    @Property(seed = RobustnessSuite.SEED, shrinking = ShrinkingMode.OFF)
    void every_hostile_request_is_refused_with_a_4xx_problem(@ForAll("requests") HostileInputs.Request request) {
        family.check().apply(request);
    }

    @Provide
    Arbitrary<HostileInputs.Request> requests() {
        return family.requests();
    }
}
