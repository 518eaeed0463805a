package org.servicepoint.confidentiality.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.confidentiality.control.ConfidentialityDatabase.CONFIDENTIALITY;
import static org.servicepoint.platform.testing.WallChecks.assertQueriesSeeOnly;
import static org.servicepoint.platform.testing.WallChecks.assertStamped;
import static org.servicepoint.platform.testing.WallChecks.assertWriteWithoutTenantFails;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.RecordType;
import org.servicepoint.confidentiality.control.RetentionStore;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Authority;
import org.servicepoint.confidentiality.entity.TenantDataKey.Purpose;

/**
 * Wall 1 on its own for confidentiality's entities: EclipseLink connected as the superuser, whom row-level
 * security does not bind, so only the multitenant filter keeps the library systems apart here.
 */
class ConfidentialityEclipseLinkFilterTest {

    static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");
    static UUID eastReference;
    static UUID eastRequest;

    record Seeded(UUID reference, UUID request) {
    }

    @BeforeAll
    static void twoTenants() {
        CONFIDENTIALITY.db();
        Map<String, Seeded> seeded = CONFIDENTIALITY.seedAsOwner((em, tenant) -> {
            em.persist(new TenantDataKey(Purpose.DATA, 1, "k1", new byte[] {1, 2, 3}, LONG_AGO));
            PatronReference reference = new PatronReference(UUID.randomUUID(), lookup(tenant), 1, new byte[] {9}, null, LONG_AGO);
            em.persist(reference);
            DisclosureRequest r = new DisclosureRequest(UUID.randomUUID(), new byte[] {1}, "Police", Authority.WARRANT, null,
                    new byte[] {2}, null, "dana", "person-in-charge", LONG_AGO);
            r.decide(DisclosureRequest.Decision.REFUSE, new byte[] {3}, "pat", LONG_AGO);
            em.persist(r);
            em.persist(new RetentionPeriod("patron-reference", 30));
            return new Seeded(reference.id(), r.id());
        }, "orm-conf-east", "orm-conf-west");
        eastReference = seeded.get("orm-conf-east").reference();
        eastRequest = seeded.get("orm-conf-east").request();
    }

    static byte[] lookup(String tenant) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) tenant.hashCode();
        bytes[31] = 7;
        return bytes;
    }

    @Test
    void queries_see_only_the_entity_managers_tenant() {
        CONFIDENTIALITY.asOwner("orm-conf-west", em -> {
            assertQueriesSeeOnly(em, "orm-conf-west", TenantDataKey.class, PatronReference.class, DisclosureRequest.class,
                    RetentionPeriod.class);
            return null;
        });
    }

    @Test
    void another_tenants_rows_are_not_found_by_their_ids() {
        CONFIDENTIALITY.assertFoundOnlyBy("orm-conf-east", "orm-conf-west", PatronReference.class, eastReference);
        CONFIDENTIALITY.assertFoundOnlyBy("orm-conf-east", "orm-conf-west", DisclosureRequest.class, eastRequest);
    }

    @Test
    void inserts_are_stamped_with_the_tenant() throws SQLException {
        UUID id = UUID.randomUUID();
        CONFIDENTIALITY.asOwner("orm-conf-west", em -> {
            em.persist(new PatronReference(id, lookup("stamp"), 1, new byte[] {9}, new byte[] {8}, Instant.now()));
            return null;
        });
        assertStamped(CONFIDENTIALITY.db(), "orm-conf-west", "select tenant_id from patron_reference where id = ?", id);
    }

    @Test
    void a_write_without_a_tenant_fails_loudly() {
        assertWriteWithoutTenantFails(CONFIDENTIALITY.owner(), new RetentionPeriod("disclosure-request", 10));
    }

    @Test
    void the_purges_bulk_deletes_stay_within_the_tenant() throws SQLException {
        CONFIDENTIALITY.asOwner("orm-conf-purge", em -> {
            em.persist(new PatronReference(UUID.randomUUID(), lookup("purge"), 1, new byte[] {9}, null, LONG_AGO));
            return null;
        });
        RetentionStore store = new RetentionStore();
        RetentionStore.Purged purged = CONFIDENTIALITY.asOwner("orm-conf-purge", em -> store.purge(em,
                Map.of(RecordType.DISCLOSURE_REQUEST, 1, RecordType.PATRON_REFERENCE, 1), Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(purged).isEqualTo(new RetentionStore.Purged(0, 1));
        try (Connection c = CONFIDENTIALITY.db().superuser().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from patron_reference "
                     + "where tenant_id in ('orm-conf-east', 'orm-conf-west') and created_at = '2001-01-01T00:00:00Z'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
        try (Connection c = CONFIDENTIALITY.db().superuser().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from disclosure_request "
                     + "where tenant_id in ('orm-conf-east', 'orm-conf-west')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }
}
