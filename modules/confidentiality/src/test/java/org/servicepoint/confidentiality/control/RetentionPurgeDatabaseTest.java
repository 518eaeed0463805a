package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.confidentiality.control.ConfidentialityDatabase.CONFIDENTIALITY;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.RetentionStore.Purged;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TestClock;

/**
 * The purge on real PostgreSQL as the application role, with a clock the test sets: what is due goes, what
 * is not stays, a patron named by a kept decision stays, and no other library system is touched.
 */
class RetentionPurgeDatabaseTest {

    static TestClock clock = new TestClock("2018-01-01T00:00:00Z");
    static TenantKeys keys;
    static PatronReferenceStore references;
    static DisclosureRequestStore requests;
    static RetentionStore retention = new RetentionStore();

    @BeforeAll
    static void start() {
        CONFIDENTIALITY.db();
        keys = new TenantKeys(MasterKeys.of("k1", MasterKeysTest.newMasterKey(), Optional.empty()), clock, new SecureRandom());
        references = new PatronReferenceStore(clock);
        requests = new DisclosureRequestStore(clock);
    }

    static UUID reference(String tenant, String card, String at) {
        clock.at(at);
        return CONFIDENTIALITY.inTenant(tenant, em -> references.reference(em, keys.ring(em, TenantId.of(tenant), true), card, null)).id();
    }

    static UUID decidedRequest(String tenant, UUID patron, String receivedAt, String decidedAt) {
        Caller desk = Caller.staff("dana", TenantId.of(tenant), Set.of(Roles.STAFF), Map.of());
        Caller pic = Caller.staff("pat", TenantId.of(tenant), Set.of(Roles.PERSON_IN_CHARGE), Map.of());
        clock.at(receivedAt);
        UUID id = CONFIDENTIALITY.inTenant(tenant, em -> requests.log(em, keys.ring(em, TenantId.of(tenant), true), desk,
                new NewDisclosure("Officer Reyes", "County Police", "subpoena", null, "loan history", patron), "EAST",
                java.util.List.of(new DisclosureDeciders.Decider(UUID.randomUUID(), "pat", "Pat")))).id();
        if (decidedAt != null) {
            clock.at(decidedAt);
            CONFIDENTIALITY.inTenant(tenant, em -> requests.decide(em, keys.ring(em, TenantId.of(tenant), true), pic, id, "refuse", "no grounds"));
        }
        return id;
    }

    static Purged purge(String tenant, String now) {
        clock.at(now);
        return CONFIDENTIALITY.inTenant(tenant, em -> retention.purge(em, retention.periods(em), clock.instant()));
    }

    @Test
    void what_is_due_goes_and_what_is_not_stays() throws SQLException {
        String tenant = "rt-main";
        UUID staleReference = reference(tenant, "1000000001", "2025-01-01T12:00:00Z");
        UUID usedReference = reference(tenant, "1000000002", "2024-01-01T12:00:00Z");
        clock.at("2025-06-01T12:00:00Z");
        CONFIDENTIALITY.inTenant(tenant, em -> references.lookup(em, keys.ring(em, TenantId.of(tenant), false), "1000000002"));
        UUID namedByKeptRequest = reference(tenant, "1000000003", "2019-12-01T12:00:00Z");
        UUID namedByOldRequest = reference(tenant, "1000000004", "2018-01-01T12:00:00Z");

        UUID oldRequest = decidedRequest(tenant, namedByOldRequest, "2018-01-02T09:00:00Z", "2018-01-03T09:00:00Z");
        UUID keptRequest = decidedRequest(tenant, namedByKeptRequest, "2019-12-30T09:00:00Z", "2020-01-01T09:00:00Z");
        UUID undecided = decidedRequest(tenant, null, "2010-01-01T09:00:00Z", null);

        // 2026-01-02: the 2018 decision is past seven years, the 2020 one is not (due 2027-01-01).
        Purged purged = purge(tenant, "2026-01-02T00:00:00Z");
        assertThat(purged).isEqualTo(new Purged(1, 2));
        assertThat(purged.summary()).isEqualTo("disclosure-request: 1, patron-reference: 2");
        assertThat(exists("disclosure_request", oldRequest)).isFalse();
        assertThat(exists("disclosure_request", keptRequest)).isTrue();
        assertThat(exists("disclosure_request", undecided)).isTrue();
        assertThat(exists("patron_reference", staleReference)).isFalse();
        assertThat(exists("patron_reference", namedByOldRequest)).isFalse();
        assertThat(exists("patron_reference", usedReference)).isTrue();
        assertThat(exists("patron_reference", namedByKeptRequest)).isTrue();

        assertThat(purge(tenant, "2026-01-02T00:00:00Z")).isEqualTo(new Purged(0, 0));
        // At the exact end of the 2020 decision's period it goes, and the patron it named with it (as does the
        // reference last used in June 2025, by now a year unused).
        assertThat(purge(tenant, "2027-01-01T09:00:00Z")).isEqualTo(new Purged(1, 2));
        assertThat(exists("disclosure_request", undecided)).isTrue();
    }

    @Test
    void a_reference_another_context_still_holds_is_kept_however_long_unused() throws SQLException {
        String tenant = "rt-held";
        UUID banned = reference(tenant, "1000000011", "2020-01-01T12:00:00Z");
        UUID forgotten = reference(tenant, "1000000012", "2020-01-01T12:00:00Z");
        clock.at("2026-01-02T00:00:00Z");
        // Another context's hold, as its query: here one reference by id.
        String heldByAnother = "select r.id from patron_reference r where r.tenant_id = ?1 and r.id = cast('" + banned + "' as uuid)";
        Purged purged = CONFIDENTIALITY.inTenant(tenant, em -> retention.purge(em, retention.periods(em), clock.instant(), java.util.List.of(heldByAnother)));
        assertThat(purged.patronReferences()).isEqualTo(1);
        assertThat(exists("patron_reference", banned)).isTrue();
        assertThat(exists("patron_reference", forgotten)).isFalse();
    }

    @Test
    void a_tenants_own_period_replaces_the_default_and_other_tenants_are_untouched() throws SQLException {
        UUID shortLived = reference("rt-short", "2000000001", "2026-01-01T00:00:00Z");
        UUID sameAgeElsewhere = reference("rt-default", "2000000001", "2026-01-01T00:00:00Z");
        Map<RecordType, Integer> wanted = new EnumMap<>(RecordType.class);
        wanted.put(RecordType.PATRON_REFERENCE, 30);
        Map<RecordType, Integer> set = CONFIDENTIALITY.inTenant("rt-short", em -> retention.change(em, wanted));
        assertThat(set).containsEntry(RecordType.PATRON_REFERENCE, 30).containsEntry(RecordType.DISCLOSURE_REQUEST, 2557);

        assertThat(purge("rt-short", "2026-01-30T23:59:59Z")).isEqualTo(new Purged(0, 0));
        assertThat(purge("rt-short", "2026-01-31T00:00:00Z")).isEqualTo(new Purged(0, 1));
        assertThat(exists("patron_reference", shortLived)).isFalse();
        assertThat(exists("patron_reference", sameAgeElsewhere)).isTrue();
        assertThat(purge("rt-default", "2026-01-31T00:00:00Z")).isEqualTo(new Purged(0, 0));

        // Back to the default: the tenant's own row goes.
        Map<RecordType, Integer> defaults = CONFIDENTIALITY.inTenant("rt-short", em -> retention.change(em, Map.of()));
        assertThat(defaults).containsEntry(RecordType.PATRON_REFERENCE, 365);
        assertThat(count("retention_period", "rt-short")).isZero();
    }

    @Test
    void the_purge_as_application_role_cannot_reach_another_tenants_rows() throws SQLException {
        UUID other = reference("rt-bystander", "3000000001", "2000-01-01T00:00:00Z");
        reference("rt-purger", "3000000001", "2000-01-01T00:00:00Z");
        assertThat(purge("rt-purger", "2030-01-01T00:00:00Z")).isEqualTo(new Purged(0, 1));
        assertThat(exists("patron_reference", other)).isTrue();
    }

    static boolean exists(String table, UUID id) throws SQLException {
        try (Connection c = CONFIDENTIALITY.db().superuser().getConnection();
             PreparedStatement p = c.prepareStatement("select count(*) from " + table + " where id = ?")) {
            p.setObject(1, id);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    static int count(String table, String tenant) throws SQLException {
        try (Connection c = CONFIDENTIALITY.db().superuser().getConnection();
             PreparedStatement p = c.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
            p.setString(1, tenant);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
