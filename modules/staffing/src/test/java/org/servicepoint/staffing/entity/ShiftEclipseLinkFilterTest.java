package org.servicepoint.staffing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.platform.testing.WallChecks.assertQueriesSeeOnly;
import static org.servicepoint.platform.testing.WallChecks.assertStamped;
import static org.servicepoint.platform.testing.WallChecks.assertWriteWithoutTenantFails;
import static org.servicepoint.staffing.control.ScheduleDatabase.SCHEDULE;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wall 1 alone for shifts, cancellations and absences: EclipseLink connected as the superuser, whom row-level
 * security does not bind, so only the multitenant filter keeps the library systems apart.
 */
class ShiftEclipseLinkFilterTest {

    static final String EAST = "orm-shift-east";
    static final String WEST = "orm-shift-west";
    static UUID eastShift;
    static UUID eastAbsence;
    static UUID westMember;

    record Seeded(UUID member, UUID shift, UUID absence) {
    }

    @BeforeAll
    static void twoTenants() {
        SCHEDULE.tenant(EAST, WEST);
        Map<String, Seeded> seeded = SCHEDULE.seedAsOwner((em, tenant) -> {
            StaffMember member = new StaffMember("Tag of " + tenant, "page", "HQ", EmploymentType.PAGE, LocalDate.parse("2026-01-01"), null, null);
            em.persist(member);
            // Shifts and absences name their member by id, not by a mapping, so EclipseLink cannot order the
            // inserts itself: the member goes first.
            em.flush();
            Shift shift = new Shift(member.id(), "HQ", "circulation", ShiftPattern.weekly(DayOfWeek.TUESDAY, LocalDate.parse("2026-11-03"),
                    null, LocalTime.of(9, 0), LocalTime.of(13, 0), false), "test");
            em.persist(shift);
            em.persist(shift.cancel(LocalDate.parse("2026-11-10"), "test"));
            Absence absence = new Absence(member.id(), AbsenceKind.LEAVE,
                    AbsencePeriod.days(LocalDate.parse("2026-11-17"), LocalDate.parse("2026-11-17")), "test");
            em.persist(absence);
            return new Seeded(member.id(), shift.id(), absence.id());
        }, EAST, WEST);
        eastShift = seeded.get(EAST).shift();
        eastAbsence = seeded.get(EAST).absence();
        westMember = seeded.get(WEST).member();
    }

    @Test
    void queries_see_only_the_entity_managers_tenant() {
        SCHEDULE.checkAsOwner(WEST, em -> {
            assertThat(em.createQuery("select s from Shift s", Shift.class).getResultList())
                    .extracting(Shift::staffMemberId).containsOnly(westMember);
            assertQueriesSeeOnly(em, WEST, ShiftCancellation.class, Absence.class);
        });
    }

    @Test
    void another_tenants_rows_are_not_found_by_id() {
        SCHEDULE.assertFoundOnlyBy(EAST, WEST, Shift.class, eastShift);
        SCHEDULE.assertFoundOnlyBy(EAST, WEST, Absence.class, eastAbsence);
        SCHEDULE.checkAsOwner(EAST, em -> {
            Shift shift = em.find(Shift.class, eastShift);
            assertThat(shift.cancelledDays()).containsExactly(LocalDate.parse("2026-11-10"));
        });
    }

    @Test
    void inserts_are_stamped_with_the_tenant() throws SQLException {
        assertStamped(SCHEDULE.db(), EAST, "select s.tenant_id, c.tenant_id from shift s join shift_cancellation c "
                + "on c.shift_id = s.id where s.id = ?", eastShift);
    }

    @Test
    void a_write_without_a_tenant_fails_loudly() {
        Absence absence = new Absence(westMember, AbsenceKind.OTHER,
                AbsencePeriod.days(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01")), "test");
        assertWriteWithoutTenantFails(SCHEDULE.owner(), absence);
    }
}
