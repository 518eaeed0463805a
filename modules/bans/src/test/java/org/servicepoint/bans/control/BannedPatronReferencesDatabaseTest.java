package org.servicepoint.bans.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.bans.control.BansDatabase.BANS;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.RecordType;
import org.servicepoint.confidentiality.control.RetentionStore;
import org.servicepoint.confidentiality.control.RetentionStore.Purged;
import org.servicepoint.incidents.reports.control.ReportedPatronReferences;

/**
 * The nightly purge with the bans' hold, as the application role on real PostgreSQL, at a size the old purge could
 * not take: it sent every held id as a bind parameter ({@code NOT IN (:held)}), and PostgreSQL takes at most 65,535.
 */
class BannedPatronReferencesDatabaseTest {

    static final String TENANT = "bans-purge-many";
    static final int HELD = 70_000;

    @Test
    void the_purge_keeps_more_references_held_by_bans_than_a_statement_could_list_and_removes_the_rest_in_batches()
            throws SQLException {
        BANS.db();
        BANS.tenant(TENANT);
        BANS.tenant("bans-purge-bystander");
        try (Connection c = BANS.db().superuser().getConnection(); Statement s = c.createStatement()) {
            // References last used in 2020 (long past a year), each but the last 2,500 named by a ban still in force.
            s.execute("insert into patron_reference (id, tenant_id, card_lookup, lookup_key_version, card_last4, created_at, "
                    + "last_used_at) select gen_random_uuid(), '" + TENANT + "', decode(md5(i::text), 'hex'), 1, '\\x01', "
                    + "'2020-01-01Z', '2020-01-01Z' from generate_series(1, " + (HELD + 2_500) + ") i");
            s.execute("insert into computer_use_ban (id, tenant_id, patron_reference_id, scope, starts_at, ends_at, reason, created_at, "
                    + "created_by) select gen_random_uuid(), tenant_id, id, 'SYSTEM', '2020-01-01Z', '2099-01-01Z', 'Threats', "
                    + "'2020-01-01Z', 'rosa' from patron_reference where tenant_id = '" + TENANT + "' order by id limit " + HELD);
            // Another library system's stale reference, which this tenant's purge must not touch.
            s.execute("insert into patron_reference (id, tenant_id, card_lookup, lookup_key_version, card_last4, created_at, "
                    + "last_used_at) values (gen_random_uuid(), 'bans-purge-bystander', '\\x02', 1, '\\x01', '2020-01-01Z', '2020-01-01Z')");
            // As autovacuum would after such a load: without statistics the planner takes both tables for empty.
            s.execute("analyze patron_reference");
            s.execute("analyze computer_use_ban");
        }

        String held = new BannedPatronReferences().heldReferences();
        Map<RecordType, Integer> defaults = Map.of(RecordType.DISCLOSURE_REQUEST, RecordType.DISCLOSURE_REQUEST.defaultDays(),
                RecordType.PATRON_REFERENCE, RecordType.PATRON_REFERENCE.defaultDays());
        Purged purged = BANS.inTenant(TENANT,
                em -> new RetentionStore().purge(em, defaults, Instant.parse("2026-06-01T00:00:00Z"), List.of(held)));

        // More than two batches' worth, so the loop went round.
        assertThat(purged).isEqualTo(new Purged(0, 2_500));
        assertThat(2_500).isGreaterThan(2 * RetentionStore.BATCH);
        try (Connection c = BANS.db().superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), count(*) filter (where exists (select 1 from computer_use_ban b "
                     + "where b.tenant_id = p.tenant_id and b.patron_reference_id = p.id)), (select count(*) from patron_reference where tenant_id = "
                     + "'bans-purge-bystander') from patron_reference p where p.tenant_id = '" + TENANT + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("references left").isEqualTo(HELD).isGreaterThan(65_535);
            assertThat(rs.getInt(2)).as("of which held by a ban").isEqualTo(HELD);
            assertThat(rs.getInt(3)).as("another library system's").isEqualTo(1);
        }
    }

    @Test
    void a_reference_an_incident_report_names_is_kept_by_the_purge_and_an_unnamed_one_goes() throws SQLException {
        String tenant = "bans-purge-reported";
        BANS.tenant(tenant);
        UUID report = BansDatabase.incidentReport(tenant);
        UUID named = UUID.randomUUID();
        UUID unnamed = UUID.randomUUID();
        try (Connection c = BANS.db().superuser().getConnection(); Statement s = c.createStatement()) {
            for (UUID id : List.of(named, unnamed)) {
                s.execute("insert into patron_reference (id, tenant_id, card_lookup, lookup_key_version, card_last4, created_at, "
                        + "last_used_at) values ('" + id + "', '" + tenant + "', decode(md5('" + id + "'), 'hex'), 1, '\\x01', "
                        + "'2020-01-01Z', '2020-01-01Z')");
            }
            // The report names its patron by reference in its canonical JSON (written behind its seal, with triggers off).
            s.execute("set session_replication_role = replica");
            s.execute("update incident_report set patron_references = '[\"" + named + "\"]' where id = '" + report + "'");
        }
        Map<RecordType, Integer> defaults = Map.of(RecordType.DISCLOSURE_REQUEST, 2557, RecordType.PATRON_REFERENCE, 365);
        Purged purged = BANS.inTenant(tenant, em -> new RetentionStore().purge(em, defaults,
                Instant.parse("2026-06-01T00:00:00Z"), List.of(new ReportedPatronReferences().heldReferences())));
        assertThat(purged).isEqualTo(new Purged(0, 1));
        try (Connection c = BANS.db().superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from patron_reference where tenant_id = '" + tenant + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1, UUID.class)).isEqualTo(named);
            assertThat(rs.next()).isFalse();
        }
    }
}
