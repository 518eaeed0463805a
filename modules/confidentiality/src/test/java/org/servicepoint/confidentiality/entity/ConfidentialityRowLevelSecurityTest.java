package org.servicepoint.confidentiality.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.confidentiality.control.ConfidentialityDatabase.CONFIDENTIALITY;
import static org.servicepoint.platform.testing.WallChecks.asApplication;
import static org.servicepoint.platform.testing.WallChecks.assertRefused;
import static org.servicepoint.platform.testing.WallChecks.seedAsApplication;
import static org.servicepoint.platform.testing.WallChecks.write;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * What confidentiality's tables add to wall 2, in plain SQL as the application role. The generic wall test ({@code TenantWallsTest} in the app module) checks wall 2 on every tenant table, found
 * in the catalogue; this
 * test keeps what is confidentiality's own: keys are never deleted, and the purge's cross-tenant look-up.
 */
class ConfidentialityRowLevelSecurityTest {

    static final List<String> TABLES = List.of("tenant_data_key", "patron_reference", "disclosure_request", "retention_period");
    static TestDatabase db;

    @BeforeAll
    static void twoTenants() throws SQLException {
        db = CONFIDENTIALITY.db();
        seedAsApplication(db, (c, tenant) -> {
            for (String table : TABLES) {
                insert(c, table, tenant);
            }
        }, "rls-conf-a", "rls-conf-b");
    }

    @Test
    void the_application_never_deletes_keys() throws SQLException {
        asApplication(db, "rls-conf-a", c -> assertRefused(c, "delete from tenant_data_key", "permission denied"));
    }

    @Test
    void the_purge_learns_which_tenants_have_records_and_nothing_else() throws SQLException {
        try (Connection c = db.app().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select * from confidentiality_tenants()")) {
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
            List<String> tenants = new ArrayList<>();
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
            assertThat(tenants).contains("rls-conf-a", "rls-conf-b").doesNotHaveDuplicates();
        }
    }

    static void insert(Connection c, String table, String tenant) throws SQLException {
        String sql = switch (table) {
            case "tenant_data_key" -> "insert into tenant_data_key (id, tenant_id, purpose, version, master_key_id, wrapped_key, "
                    + "created_at) values (?, ?, 'data', 1, 'k1', '\\x01', now())";
            case "patron_reference" -> "insert into patron_reference (id, tenant_id, card_lookup, lookup_key_version, card_last4, "
                    + "created_at, last_used_at) values (?, ?, gen_random_uuid()::text::bytea, 1, '\\x01', now(), now())";
            case "disclosure_request" -> "insert into disclosure_request (id, tenant_id, requester_name, requester_organisation, "
                    + "authority, request_text, received_at, received_by, routed_to, status) "
                    + "values (?, ?, '\\x01', 'Police', 'WARRANT', '\\x02', now(), 'dana', 'person-in-charge', 'RECEIVED')";
            case "retention_period" -> "insert into retention_period (id, tenant_id, record_type, days) values (?, ?, 'patron-reference', 30)";
            default -> throw new IllegalArgumentException(table);
        };
        write(c, sql, UUID.randomUUID(), tenant);
    }
}
