package org.servicepoint.policies.control;

import java.util.List;

/**
 * One policy as {@code policies.yaml} (and the editing API) writes it; checked by {@link PolicyDocuments}. Dates are
 * kept as written and read by the rules, so that a wrong one is told with its line.
 */
public record PolicySpec(String key, String category, String strictness, String strictWhy, String exceptionLimits,
                         List<String> exceptionsBy, String owner, List<String> appliesTo, String title, String text,
                         String reason, Approval approval, String effectiveOn) {

    public PolicySpec {
        exceptionsBy = exceptionsBy == null ? List.of() : List.copyOf(exceptionsBy);
        appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
    }

    /** Who approved the words, and when. */
    public record Approval(String by, String on) {
    }

    /** The whole file. */
    public record File(List<PolicySpec> policies) {

        public File {
            policies = policies == null ? List.of() : List.copyOf(policies);
        }
    }
}
