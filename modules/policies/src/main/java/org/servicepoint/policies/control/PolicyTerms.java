package org.servicepoint.policies.control;

import java.util.List;
import org.servicepoint.policies.entity.Policy;
import org.servicepoint.policies.entity.PolicyVersion;
import org.servicepoint.policies.entity.Strictness;

/**
 * What a policy allows now, for code that acts on it (an exception on record): its key and current title and
 * version, strict or flexible, why no exceptions (strict), the stated limits (flexible) and the position codes that
 * may approve one (empty: every position with the permission {@code grant-policy-exceptions}).
 */
public record PolicyTerms(String key, String title, String category, Strictness strictness, int version, String strictWhy,
                          String exceptionLimits, List<String> exceptionsBy, String ownerPosition, List<String> appliesTo) {

    public PolicyTerms {
        exceptionsBy = List.copyOf(exceptionsBy);
        appliesTo = List.copyOf(appliesTo);
    }

    public boolean strict() {
        return strictness == Strictness.STRICT;
    }

    static PolicyTerms of(Policy policy, PolicyVersion current) {
        return new PolicyTerms(policy.key(), current.title(), policy.category().wire(), policy.strictness(),
                policy.currentVersion(), policy.strictWhy(), policy.exceptionLimits(), policy.exceptionsBy(),
                policy.ownerPosition(), policy.appliesTo());
    }
}
