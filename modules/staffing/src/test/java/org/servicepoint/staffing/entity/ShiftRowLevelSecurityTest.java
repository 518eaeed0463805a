package org.servicepoint.staffing.entity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.platform.testing.WallChecks.asApplication;
import static org.servicepoint.platform.testing.WallChecks.seedAsApplication;
import static org.servicepoint.platform.testing.WallChecks.write;
import static org.servicepoint.staffing.control.ScheduleDatabase.SCHEDULE;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * The composite keys of shifts, cancellations and absences: a row can only point at a staff member or shift of its
 * own library system, whoever writes it; and the overnight rule in the database. The generic wall test ({@code TenantWallsTest} in the app module) checks wall 2 on every tenant table, found
 * in the catalogue; so
 * tenant visibility is not repeated here.
 */
class ShiftRowLevelSecurityTest {

    static final String A = "rls-shift-a";
    static final String B = "rls-shift-b";
    static TestDatabase db;
    static final Map<String, UUID> members = new HashMap<>();
    static final Map<String, UUID> shifts = new HashMap<>();

    @BeforeAll
    static void twoTenants() throws SQLException {
        db = SCHEDULE.db();
        SCHEDULE.tenant(A, B);
        seedAsApplication(db, (c, tenant) -> {
            UUID member = UUID.randomUUID();
            write(c, "insert into staff_member (id, tenant_id, tag_name, position_code, branch_code, employment_type, starts_on, "
                    + "created_at, updated_at) values (?, ?, 'Ana', 'page', 'HQ', 'PAGE', date '2026-01-01', now(), now())", member, tenant);
            members.put(tenant, member);
            shifts.put(tenant, insertShift(c, tenant, member));
            insertCancellation(c, tenant, shifts.get(tenant));
            insertAbsence(c, tenant, member);
        }, A, B);
    }

    @Test
    void even_the_superuser_cannot_point_a_shift_or_absence_at_another_tenants_staff_member_or_shift() throws SQLException {
        // The superuser, whom row-level security does not bind: only the foreign keys stand in the way.
        try (Connection owner = db.superuser().getConnection()) {
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
        asApplication(db, A, c -> assertThatThrownBy(() -> write(c, "insert into shift (id, tenant_id, staff_member_id, branch_code, "
                + "service_point_code, first_day, last_day, starts_at, ends_at, overnight, created_at, created_by) values (?, ?, ?, 'HQ', "
                + "'circulation', date '2026-11-03', date '2026-11-03', time '17:00', time '09:00', false, now(), 't')", UUID.randomUUID(),
                A, members.get(A))).hasMessageContaining("check constraint"));
    }

    static UUID insertShift(Connection c, String tenant, UUID member) throws SQLException {
        UUID id = UUID.randomUUID();
        write(c, "insert into shift (id, tenant_id, staff_member_id, branch_code, service_point_code, day_of_week, first_day, starts_at, "
                + "ends_at, overnight, created_at, created_by) values (?, ?, ?, 'HQ', 'circulation', 2, date '2026-11-03', time '09:00', "
                + "time '13:00', false, now(), 'test')", id, tenant, member);
        return id;
    }

    static void insertCancellation(Connection c, String tenant, UUID shift) throws SQLException {
        write(c, "insert into shift_cancellation (id, tenant_id, shift_id, day, created_at, created_by) "
                + "values (?, ?, ?, date '2026-11-10', now(), 'test')", UUID.randomUUID(), tenant, shift);
    }

    static void insertAbsence(Connection c, String tenant, UUID member) throws SQLException {
        write(c, "insert into absence (id, tenant_id, staff_member_id, kind, starts_at, ends_at, whole_days, created_at, created_by) "
                + "values (?, ?, ?, 'SICK', timestamp '2026-11-03 00:00', timestamp '2026-11-04 00:00', true, now(), 'test')",
                UUID.randomUUID(), tenant, member);
    }
}
