package org.servicepoint.policies.exceptions.control;

import static org.servicepoint.policies.control.PoliciesDatabase.POLICIES;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.policies.control.PolicyTerms;
import org.servicepoint.policies.entity.Strictness;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.TenantOutline;
import org.servicepoint.tenancy.control.TenantOutline.BranchName;
import org.servicepoint.tenancy.control.TenantSpec.PositionSpec;

/** A small library system with three branches, a chain of command, a roster and two policies. */
public final class ExceptionFixtures {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    /** 2026-03-10 15:00 in Chicago. */
    static final Instant NOW = Instant.parse("2026-03-10T20:00:00Z");

    static final UUID ROSA = new UUID(1, 1);
    static final UUID SAM = new UUID(1, 2);
    static final UUID DEE = new UUID(1, 3);
    static final UUID ASA = new UUID(1, 4);
    static final UUID GONE = new UUID(1, 5);

    private ExceptionFixtures() {
    }

    static TenantOutline library() {
        return new TenantOutline("exceptions-fixture", "Fixture Library System", ZONE.getId(), "en-US", "ACTIVE",
                List.of(new BranchName("HQ", "Headquarters Library", true), new BranchName("NORTH", "North Branch", false),
                        new BranchName("SOUTH", "South Branch", false)),
                List.of(new PositionSpec("library-assistant", "Library assistant", List.of("be-in-charge")),
                        new PositionSpec("assistant-librarian", "Assistant librarian", List.of("be-in-charge", "grant-policy-exceptions")),
                        new PositionSpec("branch-manager", "Branch manager", List.of("be-in-charge", "grant-policy-exceptions")),
                        new PositionSpec("executive-director", "Executive director", List.of("grant-policy-exceptions"))));
    }

    static StaffRecord member(UUID id, String tagName, String username, String position, String branch, LocalDate endsOn) {
        return new StaffRecord(id, tagName, username, position, position, branch, branch, "permanent", LocalDate.parse("2020-01-01"),
                endsOn, endsOn == null, 0);
    }

    /** Rosa manages North, Sam is at its desk, Asa is assistant librarian at South, Dee directs from headquarters. */
    static Map<UUID, StaffRecord> roster() {
        return Map.of(ROSA, member(ROSA, "Rosa", "rosa", "branch-manager", "NORTH", null),
                SAM, member(SAM, "Sam", "sam", "library-assistant", "NORTH", null),
                ASA, member(ASA, "Asa", "asa", "assistant-librarian", "SOUTH", null),
                DEE, member(DEE, "Dee", "dee", "executive-director", "HQ", null),
                GONE, member(GONE, "Gus", "gus", "branch-manager", "SOUTH", LocalDate.parse("2026-01-31")));
    }

    static PolicyTerms flexible(String key, String... exceptionsBy) {
        return new PolicyTerms(key, "Overdue fines", "circulation", Strictness.FLEXIBLE, 2, null,
                "Waive up to 10 dollars once a year", List.of(exceptionsBy), "branch-manager", List.of());
    }

    static PolicyTerms strict(String key) {
        return new PolicyTerms(key, "Patron records", "privacy", Strictness.STRICT, 1,
                "State law makes library records confidential.", null, List.of(), "executive-director", List.of());
    }

    static Caller staff(String tenant, String username, String branch, String... roles) {
        Set<String> all = new HashSet<>(Set.of(roles));
        all.add(Roles.STAFF);
        return Caller.staff(username, TenantId.of(tenant), all, branch == null ? Map.of() : Map.of("branch", branch));
    }

    static Caller sam(String tenant) {
        return staff(tenant, "sam", "NORTH");
    }

    static Caller rosa(String tenant) {
        return staff(tenant, "rosa", "NORTH", Roles.PERSON_IN_CHARGE);
    }

    static Caller dee(String tenant) {
        return staff(tenant, "dee", "HQ", Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN);
    }

    static NewException asked(String policy, String branch, UUID approvedBy) {
        return new NewException(policy, branch, "Asked to waive 4 dollars of fines on a children's book",
                "Waived the 4 dollars; told it is a one-time exception", approvedBy, true, null, null);
    }

    /** A policy of the library system, with its first version, written as the owner. */
    public static void policy(String tenant, String key, boolean strict) {
        UUID id = UUID.randomUUID();
        POLICIES.asOwnerSql("insert into policy (id, tenant_id, policy_key, category, strictness, strict_why, exception_limits, "
                        + "owner_position, current_version, created_at, updated_at) values ('" + id + "', '" + tenant + "', '" + key
                        + "', 'circulation', '" + (strict ? "STRICT', 'The law.', null" : "FLEXIBLE', null, 'Once a year'")
                        + ", 'branch-manager', 1, now(), now()) on conflict do nothing",
                "insert into policy_version (id, tenant_id, policy_id, version, title, body, reason, approved_by, approved_on, "
                        + "effective_on, language, created_at, created_by) select '" + UUID.randomUUID() + "', tenant_id, id, 1, '"
                        + key + "', 'Text', 'Reason', 'Board', '2026-01-01', '2026-01-01', 'english', now(), 'test' from policy "
                        + "where tenant_id = '" + tenant + "' and policy_key = '" + key + "' and not exists (select 1 from "
                        + "policy_version v where v.policy_id = policy.id)");
    }
}
