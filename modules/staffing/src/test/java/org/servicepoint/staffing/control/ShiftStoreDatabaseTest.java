package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.servicepoint.staffing.control.ScheduleDatabase.SCHEDULE;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.staffing.entity.EmploymentType;
import org.servicepoint.staffing.entity.StaffMember;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.BranchSpec.ClosureSpec;
import org.servicepoint.tenancy.control.BranchSpec.ServicePointSpec;
import org.servicepoint.tenancy.control.TenantSpec;
import org.servicepoint.tenancy.control.WeekSpec;

/** Shifts, absences and the coverage inputs on real PostgreSQL as the application role (both walls). */
class ShiftStoreDatabaseTest {

    static final String TENANT = "shifts-main";
    static final String OTHER = "shifts-other";
    static final List<String> NINE_TO_FIVE = List.of("09:00-17:00");
    static final BranchSpec HQ = new BranchSpec("HQ", "Headquarters", true, null, null,
            List.of(new ServicePointSpec("circulation", "Circulation Desk", null)),
            new WeekSpec(NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, null, null),
            List.of(new ClosureSpec("2026-12-25", "Christmas Day", null)));
    /** Only the coverage test plans here, so other tests' shifts do not change its gaps. */
    static final BranchSpec EAST = new BranchSpec("EAST", "East Branch", false, null, null, HQ.servicePoints(), HQ.openingHours(),
            HQ.closures());
    static final TenantSpec SPEC = new TenantSpec(TENANT, "Shifts test library", "America/Chicago", "en-US", "active", List.of(HQ, EAST));

    static final ShiftStore shifts = new ShiftStore();
    static final AbsenceStore absences = new AbsenceStore();
    static final ScheduleStore schedules = new ScheduleStore();
    static UUID ana;
    static UUID vi;
    static UUID leaver;
    static UUID stranger;

    @BeforeAll
    static void roster() {
        SCHEDULE.tenant(TENANT);
        SCHEDULE.tenant(OTHER);
        ana = member(TENANT, "Ana", EmploymentType.PERMANENT, "2020-01-01", null);
        vi = member(TENANT, "Vi", EmploymentType.VOLUNTEER, "2020-01-01", null);
        leaver = member(TENANT, "Lee", EmploymentType.PERMANENT, "2020-01-01", "2026-11-20");
        stranger = member(OTHER, "Sam", EmploymentType.PERMANENT, "2020-01-01", null);
    }

    static UUID member(String tenant, String tag, EmploymentType type, String from, String until) {
        return SCHEDULE.inTenant(tenant, em -> {
            StaffMember m = new StaffMember(tag, "library-assistant", "HQ", type, LocalDate.parse(from),
                    until == null ? null : LocalDate.parse(until), null);
            em.persist(m);
            return m.id();
        });
    }

    static ShiftDraft weekly(UUID member, String day, String from, String start, String end) {
        return new ShiftDraft(member, "HQ", "circulation", day, from, null, null, start, end, null);
    }

    static ShiftDraft once(UUID member, String date, String start, String end, Boolean overnight) {
        return new ShiftDraft(member, "HQ", "circulation", null, null, null, date, start, end, overnight);
    }

    static ShiftView create(ShiftDraft draft) {
        return SCHEDULE.inTenant(TENANT, em -> shifts.create(em, SPEC, draft, "staff:pic"));
    }

    static Refusal refusedCreate(ShiftDraft draft) {
        return catchThrowableOfType(() -> create(draft), Refusal.class);
    }

    static long count(String table) {
        return SCHEDULE.inTenant(TENANT, em -> ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }

    @Test
    void a_shift_is_stored_and_read_back_with_its_members_tag_name() {
        ShiftView made = create(weekly(ana, "monday", "2026-11-02", "09:00", "13:00"));

        assertThat(made.tagName()).isEqualTo("Ana");
        assertThat(made.repeat()).isEqualTo("weekly");
        ShiftView read = SCHEDULE.inTenant(TENANT, em -> shifts.find(em, made.id())).orElseThrow();
        assertThat(read).isEqualTo(made);
        List<ShiftView> listed = SCHEDULE.inTenant(TENANT, em -> shifts.list(em, new ShiftStore.Filter("HQ", null, ana, null, null)));
        assertThat(listed).extracting(ShiftView::id).contains(made.id());
    }

    @Test
    void a_list_is_narrowed_by_each_filter_given_and_not_by_those_left_out() {
        ShiftView march = create(once(vi, "2027-03-02", "10:00", "12:00", null));
        ShiftView april = create(once(vi, "2027-04-06", "10:00", "12:00", null));

        List<ShiftView> inMarch = SCHEDULE.inTenant(TENANT, em -> shifts.list(em,
                new ShiftStore.Filter(null, null, vi, LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-31"))));
        List<ShiftView> fromApril = SCHEDULE.inTenant(TENANT, em -> shifts.list(em,
                new ShiftStore.Filter("HQ", "circulation", vi, LocalDate.parse("2027-04-01"), null)));
        List<ShiftView> otherDesk = SCHEDULE.inTenant(TENANT, em -> shifts.list(em,
                new ShiftStore.Filter(null, "reference", vi, null, null)));

        assertThat(inMarch).extracting(ShiftView::id).contains(march.id()).doesNotContain(april.id());
        assertThat(fromApril).extracting(ShiftView::id).contains(april.id()).doesNotContain(march.id());
        assertThat(otherDesk).isEmpty();
    }

    @Test
    void an_overlapping_shift_is_refused_with_409_and_nothing_is_stored() {
        create(weekly(ana, "wednesday", "2026-11-04", "09:00", "13:00"));
        long before = count("shift");

        Refusal refusal = refusedCreate(once(ana, "2026-11-11", "12:00", "15:00", null));

        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.getMessage()).contains("Ana already has a shift then").contains("2026-11-11");
        assertThat(count("shift")).isEqualTo(before);
    }

    @Test
    void a_cancelled_occurrence_frees_its_time_for_a_one_off_and_is_cancelled_once() {
        ShiftView thursdays = create(weekly(ana, "thursday", "2026-11-05", "09:00", "13:00"));

        ShiftView cancelled = SCHEDULE.inTenant(TENANT, em -> shifts.cancel(em, thursdays.id(), LocalDate.parse("2026-11-12"), "staff:pic"));

        assertThat(cancelled.cancelledDates()).containsExactly(LocalDate.parse("2026-11-12"));
        assertThat(create(once(ana, "2026-11-12", "10:00", "14:00", null)).date()).isEqualTo(LocalDate.parse("2026-11-12"));
        Refusal twice = catchThrowableOfType(() -> SCHEDULE.inTenant(TENANT,
                em -> shifts.cancel(em, thursdays.id(), LocalDate.parse("2026-11-12"), "staff:pic")), Refusal.class);
        assertThat(twice.status()).isEqualTo(409);
        Refusal notThatDay = catchThrowableOfType(() -> SCHEDULE.inTenant(TENANT,
                em -> shifts.cancel(em, thursdays.id(), LocalDate.parse("2026-11-13"), "staff:pic")), Refusal.class);
        assertThat(notThatDay.status()).isEqualTo(400);
        assertThat(notThatDay.violations()).extracting(Refusal.Violation::field).containsExactly("date");
    }

    @Test
    void deleting_a_shift_takes_its_cancellations_with_it() {
        ShiftView fridays = create(weekly(ana, "friday", "2026-11-06", "09:00", "13:00"));
        SCHEDULE.inTenant(TENANT, em -> shifts.cancel(em, fridays.id(), LocalDate.parse("2026-11-13"), "staff:pic"));

        boolean deleted = SCHEDULE.inTenant(TENANT, em -> shifts.delete(em, fridays.id()));

        assertThat(deleted).isTrue();
        Optional<ShiftView> gone = SCHEDULE.inTenant(TENANT, em -> shifts.find(em, fridays.id()));
        assertThat(gone).isEmpty();
        Object cancellations = SCHEDULE.inTenant(TENANT, em -> em.createNativeQuery("select count(*) from shift_cancellation where shift_id = ?1")
                .setParameter(1, fridays.id()).getSingleResult());
        assertThat(cancellations).isEqualTo(0L);
        boolean again = SCHEDULE.inTenant(TENANT, em -> shifts.delete(em, fridays.id()));
        assertThat(again).isFalse();
    }

    @Test
    void unknown_members_desks_and_roster_dates_are_refused_with_400() {
        assertThat(refusedCreate(once(UUID.randomUUID(), "2026-11-03", "09:00", "13:00", null)).violations())
                .extracting(Refusal.Violation::field).containsExactly("staffMemberId");
        // Another library system's member does not exist here (both walls hide the row).
        assertThat(refusedCreate(once(stranger, "2026-11-03", "09:00", "13:00", null)).getMessage())
                .contains("no staff member " + stranger);
        assertThat(refusedCreate(new ShiftDraft(ana, "HQ", "reference", null, null, null, "2026-11-03", "09:00", "13:00", null))
                .violations()).extracting(Refusal.Violation::field).containsExactly("servicePoint");
        assertThat(refusedCreate(weekly(leaver, "tuesday", "2026-11-03", "09:00", "13:00")).getMessage())
                .contains("Lee is on the roster from 2020-01-01 to 2026-11-20");
        assertThat(refusedCreate(once(ana, "2026-11-03", "17:00", "09:00", null)).violations())
                .extracting(Refusal.Violation::field).containsExactly("end");
    }

    @Test
    void another_library_system_sees_none_of_the_shifts_and_cannot_cancel_them() {
        ShiftView mine = create(once(ana, "2026-11-29", "09:00", "10:00", null));

        List<ShiftView> seen = SCHEDULE.inTenant(OTHER, em -> shifts.list(em, new ShiftStore.Filter(null, null, null, null, null)));
        assertThat(seen).isEmpty();
        Optional<ShiftView> found = SCHEDULE.inTenant(OTHER, em -> shifts.find(em, mine.id()));
        assertThat(found).isEmpty();
        Refusal refusal = catchThrowableOfType(() -> SCHEDULE.inTenant(OTHER,
                em -> shifts.cancel(em, mine.id(), LocalDate.parse("2026-11-29"), "staff:x")), Refusal.class);
        assertThat(refusal.status()).isEqualTo(404);
    }

    @Test
    void absences_are_recorded_once_and_listed_only_to_whom_may_see_them() {
        AbsenceView sick = SCHEDULE.inTenant(TENANT, em -> absences.record(em,
                new AbsenceDraft(vi, "sick", "2026-12-01", "2026-12-02", null, null), "staff:pic"));

        assertThat(sick.wholeDays()).isTrue();
        assertThat(sick.from()).isEqualTo("2026-12-01T00:00");
        assertThat(sick.to()).isEqualTo("2026-12-03T00:00");
        Refusal again = catchThrowableOfType(() -> SCHEDULE.inTenant(TENANT, em -> absences.record(em,
                new AbsenceDraft(vi, "leave", null, null, "2026-12-02T13:00", "2026-12-02T15:00"), "staff:pic")), Refusal.class);
        assertThat(again.status()).isEqualTo(409);
        Refusal backwards = catchThrowableOfType(() -> SCHEDULE.inTenant(TENANT, em -> absences.record(em,
                new AbsenceDraft(vi, "leave", null, null, "2026-12-05T13:00", "2026-12-05T12:00"), "staff:pic")), Refusal.class);
        assertThat(backwards.violations()).extracting(Refusal.Violation::field).containsExactly("to");

        var all = new AbsenceStore.Filter(null, LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"));
        List<AbsenceView> everyone = SCHEDULE.inTenant(TENANT, em -> absences.list(em, all, Optional.empty()));
        assertThat(everyone).extracting(AbsenceView::id).contains(sick.id());
        List<AbsenceView> anasOwn = SCHEDULE.inTenant(TENANT, em -> absences.list(em, all, Optional.of(ana)));
        assertThat(anasOwn).extracting(AbsenceView::id).doesNotContain(sick.id());
        List<AbsenceView> otherSystem = SCHEDULE.inTenant(OTHER, em -> absences.list(em, all, Optional.empty()));
        assertThat(otherSystem).isEmpty();
        boolean deleted = SCHEDULE.inTenant(TENANT, em -> absences.delete(em, sick.id()));
        assertThat(deleted).isTrue();
    }

    @Test
    void the_coverage_inputs_come_from_the_database_and_give_the_expected_gaps() {
        UUID cal = member(TENANT, "Cal", EmploymentType.PERMANENT, "2020-01-01", null);
        UUID val = member(TENANT, "Val", EmploymentType.VOLUNTEER, "2020-01-01", null);
        // Week of 2026-12-21 at EAST: Val alone on Tuesday afternoon, Cal away on Wednesday morning, nobody on
        // Thursday, closed on Christmas Day.
        ShiftView calMornings = create(eastWeekly(cal, "tuesday", "09:00", "13:00"));
        create(eastWeekly(cal, "wednesday", "09:00", "17:00"));
        create(eastWeekly(val, "tuesday", "13:00", "17:00"));
        SCHEDULE.inTenant(TENANT, em -> absences.record(em, new AbsenceDraft(cal, "other", null, null, "2026-12-23T09:00", "2026-12-23T11:00"),
                "staff:pic"));

        LocalDate first = LocalDate.parse("2026-12-22");
        LocalDate last = LocalDate.parse("2026-12-25");
        ScheduleStore.Inputs inputs = SCHEDULE.inTenant(TENANT, em -> schedules.load(em, List.of("EAST"), first, last));
        List<CoverageIssue> issues = ScheduleReport.issues(ZoneId.of("America/Chicago"), first, last, CoverageDesks.of(EAST), inputs);

        assertThat(inputs.people()).containsOnlyKeys(cal, val);
        assertThat(inputs.shifts()).extracting(ScheduleCalendar.PlannedShift::shiftId).contains(calMornings.id());
        assertThat(issues).extracting(i -> i.date() + " " + i.kind() + " " + i.from() + "-" + i.to()).containsExactly(
                "2026-12-22 ONLY_VOLUNTEERS_OR_PAGES 13:00-17:00",
                "2026-12-23 GAP 09:00-11:00",
                "2026-12-24 GAP 09:00-17:00");
        ScheduleStore.Inputs elsewhere = SCHEDULE.inTenant(OTHER, em -> schedules.load(em, List.of("EAST"), first, last));
        assertThat(elsewhere.shifts()).isEmpty();
    }

    static ShiftDraft eastWeekly(UUID member, String day, String start, String end) {
        return new ShiftDraft(member, "EAST", "circulation", day, "2026-12-21", "2026-12-31", null, start, end, null);
    }

    @Test
    void someone_whose_roster_end_moved_earlier_drops_out_of_the_calendar_from_then() {
        UUID dee = member(TENANT, "Dee", EmploymentType.SUBSTITUTE, "2020-01-01", "2026-11-30");
        create(new ShiftDraft(dee, "HQ", "circulation", "saturday", "2026-11-07", "2026-11-28", null, "10:00", "14:00", null));
        SCHEDULE.inTenant(TENANT, em -> {
            StaffMember m = em.find(StaffMember.class, dee);
            m.change(m.tagName(), m.positionCode(), m.branchCode(), m.employmentType(), m.startsOn(), LocalDate.parse("2026-11-16"),
                    m.username());
            return null;
        });

        ScheduleStore.Inputs inputs = SCHEDULE.inTenant(TENANT, em -> schedules.load(em, List.of("HQ"),
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));

        var saturdays = ScheduleCalendar.expand(ZoneId.of("America/Chicago"), LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"),
                inputs.shifts().stream().filter(s -> s.staffMemberId().equals(dee)).toList(), List.of());
        assertThat(saturdays).extracting(ScheduleCalendar.Duty::day).extracting(LocalDate::toString)
                .containsExactly("2026-11-07", "2026-11-14");
    }
}
