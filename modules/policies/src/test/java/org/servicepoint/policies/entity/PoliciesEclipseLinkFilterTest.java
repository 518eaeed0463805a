package org.servicepoint.policies.entity;

import static org.servicepoint.platform.testing.WallChecks.assertQueriesSeeOnly;
import static org.servicepoint.platform.testing.WallChecks.assertStamped;
import static org.servicepoint.platform.testing.WallChecks.assertWriteWithoutTenantFails;
import static org.servicepoint.policies.control.PoliciesDatabase.POLICIES;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wall 1 alone for policies, versions and acknowledgements: EclipseLink connected as the superuser, whom
 * row-level security does not bind, so only the multitenant filter keeps the library systems apart. (Wall 2 for
 * every table is checked by TenantWallsTest in the app module.)
 */
class PoliciesEclipseLinkFilterTest {

    static final String EAST = "policies-orm-east";
    static final String WEST = "policies-orm-west";
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    static Map<String, UUID[]> written;

    static Policy.Settings strict() {
        return new Policy.Settings(PolicyCategory.PRIVACY, Strictness.STRICT, "The law protects patron records.", null,
                List.of(), "branch-manager", List.of());
    }

    static PolicyVersion.Words words() {
        return new PolicyVersion.Words("Patron records", "Never tell anyone what a patron borrowed.", "Privacy is the law.",
                "Board of trustees", LocalDate.parse("2026-01-15"), LocalDate.parse("2026-02-01"));
    }

    @BeforeAll
    static void twoTenantsWithAnAcknowledgedPolicyEach() {
        POLICIES.tenant(EAST, WEST);
        written = POLICIES.seedAsOwner((em, tenant) -> {
            Policy policy = new Policy(UUID.randomUUID(), "patron-records", strict(), NOW);
            em.persist(policy);
            em.flush();
            PolicyVersion version = new PolicyVersion(UUID.randomUUID(), policy.id(), 1, words(), "english", "operator", NOW);
            em.persist(version);
            em.flush();
            PolicyAcknowledgement ack = new PolicyAcknowledgement(UUID.randomUUID(), policy.id(), 1, "rosa", NOW);
            em.persist(ack);
            return new UUID[] {policy.id(), version.id(), ack.id()};
        }, EAST, WEST);
    }

    @Test
    void queries_see_only_the_entity_managers_tenant() {
        POLICIES.checkAsOwner(WEST, em -> assertQueriesSeeOnly(em, WEST, Policy.class, PolicyVersion.class,
                PolicyAcknowledgement.class));
    }

    @Test
    void another_tenants_policy_version_and_acknowledgement_are_not_found_by_id() {
        UUID[] east = written.get(EAST);
        POLICIES.assertFoundOnlyBy(EAST, WEST, Policy.class, east[0]);
        POLICIES.assertFoundOnlyBy(EAST, WEST, PolicyVersion.class, east[1]);
        POLICIES.assertFoundOnlyBy(EAST, WEST, PolicyAcknowledgement.class, east[2]);
    }

    @Test
    void inserts_are_stamped_with_the_tenant() throws SQLException {
        UUID[] east = written.get(EAST);
        assertStamped(POLICIES.db(), EAST, "select p.tenant_id, v.tenant_id, a.tenant_id from policy p "
                + "join policy_version v on v.policy_id = p.id join policy_acknowledgement a on a.policy_id = p.id "
                + "where p.id = ?", east[0]);
    }

    @Test
    void a_write_without_a_tenant_fails_loudly() {
        assertWriteWithoutTenantFails(POLICIES.owner(), new Policy(UUID.randomUUID(), "stray", strict(), NOW));
    }
}
