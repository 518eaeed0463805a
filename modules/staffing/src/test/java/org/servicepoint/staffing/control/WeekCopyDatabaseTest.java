package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.servicepoint.staffing.control.ScheduleDatabase.SCHEDULE;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.staffing.entity.EmploymentType;
import org.servicepoint.staffing.entity.StaffMember;
import org.servicepoint.tenancy.control.TenantSpec;

/** "Copy last week" and "repeat this week" on real PostgreSQL as the application role: all or nothing, once. */
class WeekCopyDatabaseTest {

    static final String TENANT = "weekcopy-main";
    static final String OTHER = "weekcopy-other";
    static final TenantSpec SPEC = new TenantSpec(TENANT, "Week copy test library", "America/Chicago", "en-US", "active",
            List.of(ShiftStoreDatabaseTest.HQ));
    static final ShiftStore shifts = new ShiftStore();
    static UUID ana;
    static UUID bo;
    static UUID leaver;

    @BeforeAll
    static void roster() {
        SCHEDULE.tenant(TENANT);
        SCHEDULE.tenant(OTHER);
        ana = member(TENANT, "Ana", null);
        bo = member(TENANT, "Bo", null);
        leaver = member(TENANT, "Lee", "2027-03-20");
    }

    static UUID member(String tenant, String tag, String until) {
        return SCHEDULE.inTenant(tenant, em -> {
            StaffMember m = new StaffMember(tag, "library-assistant", "HQ", EmploymentType.PERMANENT, LocalDate.parse("2020-01-01"),
                    until == null ? null : LocalDate.parse(until), null);
            em.persist(m);
            return m.id();
        });
    }

    static ShiftView once(UUID member, String date, String start, String end) {
        return SCHEDULE.inTenant(TENANT, em -> shifts.create(em, SPEC,
                new ShiftDraft(member, "HQ", "circulation", null, null, null, date, start, end, null), "staff:pic"));
    }

    static ShiftStore.WeekCopy copy(String tenant, String from, String to, int weeks) {
        return SCHEDULE.inTenant(tenant, em -> shifts.copyWeek(em, SPEC, "HQ", LocalDate.parse(from), LocalDate.parse(to), weeks,
                "staff:pic"));
    }

    static List<ShiftView> between(String from, String to) {
        return SCHEDULE.inTenant(TENANT, em -> shifts.list(em,
                new ShiftStore.Filter("HQ", null, null, LocalDate.parse(from), LocalDate.parse(to))));
    }

    @Test
    void repeating_a_week_makes_its_one_off_shifts_in_each_following_week_and_a_retry_makes_none_again() {
        once(ana, "2027-03-01", "09:00", "13:00");
        once(bo, "2027-03-03", "13:00", "17:00");
        SCHEDULE.inTenant(TENANT, em -> shifts.create(em, SPEC,
                new ShiftDraft(bo, "HQ", "circulation", "friday", "2027-03-05", "2027-03-05", null, "09:00", "10:00", null), "staff:pic"));

        ShiftStore.WeekCopy made = copy(TENANT, "2027-03-01", "2027-03-08", 3);

        assertThat(made.created()).extracting(ShiftView::date).containsExactlyInAnyOrder(
                LocalDate.parse("2027-03-08"), LocalDate.parse("2027-03-10"), LocalDate.parse("2027-03-15"),
                LocalDate.parse("2027-03-17"), LocalDate.parse("2027-03-22"), LocalDate.parse("2027-03-24"));
        assertThat(made.created()).allSatisfy(s -> assertThat(s.repeat()).isEqualTo("once"));
        assertThat(made.unchanged()).isZero();
        assertThat(between("2027-03-22", "2027-03-28")).extracting(ShiftView::tagName, ShiftView::start)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Ana", "09:00"), org.assertj.core.groups.Tuple.tuple("Bo", "13:00"));

        ShiftStore.WeekCopy again = copy(TENANT, "2027-03-01", "2027-03-08", 3);

        assertThat(again.created()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(6);
        assertThat(between("2027-03-08", "2027-03-28")).hasSize(6);
    }

    @Test
    void a_copy_that_would_collide_refuses_the_whole_copy_naming_each_item_and_stores_nothing() {
        once(ana, "2027-05-03", "09:00", "13:00");
        once(bo, "2027-05-05", "09:00", "13:00");
        once(ana, "2027-05-10", "12:00", "14:00");   // overlaps Ana's copy next week
        long before = between("2027-05-10", "2027-05-16").size();

        Refusal refused = catchThrowableOfType(() -> copy(TENANT, "2027-05-03", "2027-05-10", 1), Refusal.class);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.getMessage()).isEqualTo(
                "1 shift(s) could not be copied from the week of 2027-05-03 to the week of 2027-05-10; nothing was copied");
        assertThat(refused.violations()).extracting(Refusal.Violation::field)
                .containsExactly("shifts[2027-05-10 circulation 09:00-13:00 Ana]");
        assertThat(refused.violations().get(0).message()).contains("Ana already has a shift then");
        assertThat(between("2027-05-10", "2027-05-16")).hasSize((int) before);
    }

    @Test
    void a_copy_past_someones_last_day_is_refused_for_that_person() {
        once(leaver, "2027-03-16", "09:00", "13:00");

        Refusal refused = catchThrowableOfType(() -> copy(TENANT, "2027-03-15", "2027-03-22", 1), Refusal.class);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.violations()).extracting(Refusal.Violation::field)
                .containsExactly("shifts[2027-03-23 circulation 09:00-13:00 Lee]");
        assertThat(refused.violations().get(0).message()).contains("Lee is on the roster from 2020-01-01 to 2027-03-20");
    }

    @Test
    void another_library_system_copies_none_of_these_shifts() {
        once(ana, "2027-07-05", "09:00", "13:00");

        ShiftStore.WeekCopy theirs = copy(OTHER, "2027-07-05", "2027-07-12", 2);

        assertThat(theirs.created()).isEmpty();
        assertThat(theirs.unchanged()).isZero();
        assertThat(between("2027-07-12", "2027-07-25")).isEmpty();
    }
}
