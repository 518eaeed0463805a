package org.servicepoint.staffing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestDatabase;
import org.servicepoint.staffing.control.ScheduleDatabase;

/**
 * Wall 2 alone for shifts, cancellations and absences: plain SQL as the application role, no EclipseLink, so
 * only PostgreSQL's row-level security keeps the library systems apart. And the composite keys: a row can only
 * point at a staff member or shift of its own library system, whoever writes it.
 */
class ShiftRowLevelSecurityTest {

    static final List<String> TABLES = List.of("shift", "shift_cancellation", "absence");
    static final String A = "rls-shift-a";
    static final String B = "rls-shift-b";
    static TestDatabase db;
    static final Map<String, UUID> members = new HashMap<>();
    static final Map<String, UUID> shifts = new HashMap<>();

    @BeforeAll
    static void twoTenants() throws SQLException {
        db = ScheduleDatabase.db();
        ScheduleDatabase.tenant(A);
        ScheduleDatabase.tenant(B);
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            for (String tenant : List.of(A, B)) {
                bind(c, tenant);
                UUID member = UUID.randomUUID();
                try (PreparedStatement p = c.prepareStatement("insert into staff_member (id, tenant_id, tag_name, position_code, branch_code, "
                        + "employment_type, starts_on, created_at, updated_at) values (?, ?, 'Ana', 'page', 'HQ', 'PAGE', date '2026-01-01', now(), now())")) {
                    p.setObject(1, member);
                    p.setString(2, tenant);
                    p.executeUpdate();
                }
                members.put(tenant, member);
                shifts.put(tenant, insertShift(c, tenant, member));
                insertCancellation(c, tenant, shifts.get(tenant));
                insertAbsence(c, tenant, member);
                c.commit();
            }
        }
    }

    @Test
    void with_no_tenant_set_nothing_is_visible() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            for (String table : TABLES) {
                assertThat(tenants(c, table)).as(table).isEmpty();
            }
        }
    }

    @Test
    void a_tenant_sees_only_its_own_rows_and_another_sees_none() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, B);
            for (String table : TABLES) {
                assertThat(tenants(c, table)).as(table).containsOnly(B);
            }
            c.rollback();
            bind(c, "rls-shift-nobody");
            for (String table : TABLES) {
                assertThat(tenants(c, table)).as(table).isEmpty();
            }
            c.rollback();
        }
    }

    @Test
    void writing_for_another_tenant_is_refused_and_touching_its_rows_changes_nothing() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            for (String table : TABLES) {
                bind(c, A);
                assertThatThrownBy(() -> {
                    switch (table) {
                        case "shift" -> insertShift(c, B, members.get(B));
                        case "shift_cancellation" -> insertCancellation(c, B, shifts.get(B));
                        default -> insertAbsence(c, B, members.get(B));
                    }
                }).as(table).hasMessageContaining("row-level security");
                c.rollback();
                bind(c, A);
                assertThat(c.createStatement().executeUpdate("update " + table + " set created_by = 'x' where tenant_id = '" + B + "'"))
                        .as(table).isZero();
                assertThat(c.createStatement().executeUpdate("delete from " + table + " where tenant_id = '" + B + "'")).as(table).isZero();
                c.rollback();
            }
        }
        try (Connection owner = db.owner().getConnection()) {
            for (String table : TABLES) {
                assertThat(tenants(owner, table)).as(table).contains(A, B);
            }
        }
    }

    @Test
    void a_row_cannot_be_moved_to_another_tenant() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, A);
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update absence set tenant_id = '" + B + "'"))
                    .hasMessageContaining("row-level security");
            c.rollback();
        }
    }

    @Test
    void even_the_owner_cannot_point_a_shift_or_absence_at_another_tenants_staff_member_or_shift() throws SQLException {
        try (Connection owner = db.owner().getConnection()) {
            owner.setAutoCommit(false);
            assertThatThrownBy(() -> insertShift(owner, A, members.get(B))).hasMessageContaining("shift_member");
            owner.rollback();
            assertThatThrownBy(() -> insertAbsence(owner, A, members.get(B))).hasMessageContaining("absence_member");
            owner.rollback();
            assertThatThrownBy(() -> insertCancellation(owner, A, shifts.get(B))).hasMessageContaining("shift_cancellation_shift");
            owner.rollback();
        }
    }

    @Test
    void the_overnight_rule_holds_in_the_database_too() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, A);
            assertThatThrownBy(() -> {
                try (PreparedStatement p = c.prepareStatement("insert into shift (id, tenant_id, staff_member_id, branch_code, "
                        + "service_point_code, first_day, last_day, starts_at, ends_at, overnight, created_at, created_by) "
                        + "values (?, ?, ?, 'HQ', 'circulation', date '2026-11-03', date '2026-11-03', time '17:00', time '09:00', false, now(), 't')")) {
                    p.setObject(1, UUID.randomUUID());
                    p.setString(2, A);
                    p.setObject(3, members.get(A));
                    p.executeUpdate();
                }
            }).hasMessageContaining("check constraint");
            c.rollback();
        }
    }

    @Test
    void every_table_has_row_level_security_and_belongs_to_the_owner() throws SQLException {
        try (Connection owner = db.owner().getConnection();
             PreparedStatement p = owner.prepareStatement("select c.relrowsecurity, pg_get_userbyid(c.relowner), "
                     + "(select count(*) from pg_policy where polrelid = c.oid and polname = 'tenant_isolation') "
                     + "from pg_class c where c.relname = ? and c.relnamespace = 'public'::regnamespace")) {
            for (String table : TABLES) {
                p.setString(1, table);
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.next()).as(table).isTrue();
                    assertThat(rs.getBoolean(1)).as("row-level security on " + table).isTrue();
                    assertThat(rs.getString(2)).as("owner of " + table).isEqualTo(TestDatabase.OWNER);
                    assertThat(rs.getInt(3)).as("policy on " + table).isEqualTo(1);
                }
            }
        }
    }

    static void bind(Connection c, String tenant) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            p.setString(1, tenant);
            p.execute();
        }
    }

    static UUID insertShift(Connection c, String tenant, UUID member) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement p = c.prepareStatement("insert into shift (id, tenant_id, staff_member_id, branch_code, service_point_code, "
                + "day_of_week, first_day, starts_at, ends_at, overnight, created_at, created_by) "
                + "values (?, ?, ?, 'HQ', 'circulation', 2, date '2026-11-03', time '09:00', time '13:00', false, now(), 'test')")) {
            p.setObject(1, id);
            p.setString(2, tenant);
            p.setObject(3, member);
            p.executeUpdate();
        }
        return id;
    }

    static void insertCancellation(Connection c, String tenant, UUID shift) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into shift_cancellation (id, tenant_id, shift_id, day, created_at, created_by) "
                + "values (?, ?, ?, date '2026-11-10', now(), 'test')")) {
            p.setObject(1, UUID.randomUUID());
            p.setString(2, tenant);
            p.setObject(3, shift);
            p.executeUpdate();
        }
    }

    static void insertAbsence(Connection c, String tenant, UUID member) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into absence (id, tenant_id, staff_member_id, kind, starts_at, ends_at, "
                + "whole_days, created_at, created_by) values (?, ?, ?, 'SICK', timestamp '2026-11-03 00:00', timestamp '2026-11-04 00:00', "
                + "true, now(), 'test')")) {
            p.setObject(1, UUID.randomUUID());
            p.setString(2, tenant);
            p.setObject(3, member);
            p.executeUpdate();
        }
    }

    static List<String> tenants(Connection c, String table) throws SQLException {
        List<String> tenants = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("select tenant_id from " + table)) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        return tenants;
    }
}
