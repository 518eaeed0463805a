package org.servicepoint.patronrequests.callbacks.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicepoint.patronrequests.control.PatronRequestRules.CallBacks;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.BranchSpec.ClosureSpec;
import org.servicepoint.tenancy.control.WeekSpec;

class CallBackDueTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final List<String> DAY = List.of("09:00-18:00");
    static final CallBacks SAME = new CallBacks("same-opening-day", null);
    static final CallBacks NEXT = new CallBacks("next-opening-day", null);

    // Weekdays 09:00-18:00, Saturday 10:00-17:00, Sunday closed; closed for training on the Monday after the clocks
    // go forward, closed on Christmas Day and open only in the morning on Christmas Eve.
    static final CallBackDue.Hours PINE = CallBackDue.Hours.of(new BranchSpec("PINE", "Pine", false, null, null, List.of(),
            new WeekSpec(DAY, DAY, DAY, DAY, DAY, List.of("10:00-17:00"), null),
            List.of(new ClosureSpec("2026-03-09", "Staff training", null), new ClosureSpec("2026-12-25", "Christmas Day", null),
                    new ClosureSpec("2026-12-24", "Christmas Eve", List.of("09:00-12:00")))), CHICAGO);

    static Instant due(String asked, CallBacks rule) {
        return CallBackDue.due(Instant.parse(asked), PINE, rule);
    }

    @Test
    void asked_during_opening_hours_it_is_due_when_the_branch_closes_that_day() {
        // Wednesday 10:00 CST; closing 18:00 CST is midnight UTC.
        assertThat(due("2026-03-04T16:00:00Z", SAME)).isEqualTo("2026-03-05T00:00:00Z");
    }

    @Test
    void asked_before_opening_on_an_opening_day_it_is_due_at_that_days_closing() {
        assertThat(due("2026-03-04T13:00:00Z", SAME)).isEqualTo("2026-03-05T00:00:00Z");
    }

    @Test
    void asked_after_closing_before_a_closed_sunday_the_clock_change_and_a_closure_it_is_due_tuesday_at_closing_in_summer_time() {
        // Saturday 2026-03-07 18:00 CST: Sunday is closed (and the clocks go forward), Monday is a dated closure, so
        // Tuesday 18:00 CDT, which is 23:00 UTC, not the 00:00 UTC that winter time would give.
        assertThat(due("2026-03-08T00:00:00Z", SAME)).isEqualTo("2026-03-10T23:00:00Z");
    }

    @Test
    void asked_on_a_closed_day_it_is_due_at_the_next_opening_days_closing() {
        // Sunday 2026-11-01 noon CST (the clocks went back that night): Monday 18:00 CST is Tuesday 00:00 UTC.
        assertThat(due("2026-11-01T18:00:00Z", SAME)).isEqualTo("2026-11-03T00:00:00Z");
    }

    @Test
    void asked_on_a_short_day_it_is_due_at_the_short_closing_and_after_it_the_next_opening_day_past_a_closure() {
        // Christmas Eve closes at noon CST (18:00 UTC); asked at 13:00, Christmas Day is closed, so Saturday 17:00 CST.
        assertThat(due("2026-12-24T16:00:00Z", SAME)).isEqualTo("2026-12-24T18:00:00Z");
        assertThat(due("2026-12-24T19:00:00Z", SAME)).isEqualTo("2026-12-26T23:00:00Z");
    }

    @Test
    void next_opening_day_is_the_closing_of_the_next_day_the_branch_opens_even_when_asked_in_the_morning() {
        assertThat(due("2026-03-04T15:00:00Z", NEXT)).isEqualTo("2026-03-06T00:00:00Z");
        // Friday 2026-03-06 in the morning: Saturday 17:00 CST.
        assertThat(due("2026-03-06T15:00:00Z", NEXT)).isEqualTo("2026-03-07T23:00:00Z");
        // Saturday: past the closed Sunday and the Monday closure, Tuesday 18:00 CDT.
        assertThat(due("2026-03-07T17:00:00Z", NEXT)).isEqualTo("2026-03-10T23:00:00Z");
    }

    @Test
    void within_opening_hours_counts_only_hours_the_branch_is_open_across_the_spring_change_and_a_closure() {
        // Saturday 16:00 CST: one hour left that day, none Sunday or on the Monday closure, three from Tuesday 09:00 CDT.
        assertThat(due("2026-03-07T22:00:00Z", new CallBacks("within-opening-hours", 4))).isEqualTo("2026-03-10T17:00:00Z");
    }

    @Test
    void within_opening_hours_counts_only_hours_the_branch_is_open_across_the_autumn_change() {
        // Saturday 2026-10-31 15:00 CDT: two hours that day, Sunday closed, two from Monday 09:00 CST (15:00 UTC).
        assertThat(due("2026-10-31T20:00:00Z", new CallBacks("within-opening-hours", 4))).isEqualTo("2026-11-02T17:00:00Z");
    }

    @Test
    void within_opening_hours_asked_before_opening_counts_from_opening_and_fits_in_the_day() {
        // Wednesday 07:00 CST: 09:00 + 2 hours = 11:00 CST.
        assertThat(due("2026-03-04T13:00:00Z", new CallBacks("within-opening-hours", 2))).isEqualTo("2026-03-04T17:00:00Z");
    }

    @Test
    void a_periods_break_is_not_counted() {
        CallBackDue.Hours split = CallBackDue.Hours.of(new BranchSpec("OAK", "Oak", false, null, null, List.of(),
                new WeekSpec(List.of("09:00-12:00", "13:00-17:00"), null, null, null, null, null, null), List.of()), CHICAGO);
        // Monday 2026-03-02 11:00 CST, 2 hours: one before the lunch break, one after it, so 14:00 CST.
        assertThat(CallBackDue.due(Instant.parse("2026-03-02T17:00:00Z"), split, new CallBacks("within-opening-hours", 2)))
                .isEqualTo("2026-03-02T20:00:00Z");
        assertThat(CallBackDue.due(Instant.parse("2026-03-02T17:00:00Z"), split, SAME)).isEqualTo("2026-03-02T23:00:00Z");
    }

    @Test
    void a_branch_that_never_opens_gets_a_day_from_the_moment_asked() {
        CallBackDue.Hours closed = CallBackDue.Hours.of(new BranchSpec("SHUT", "Shut", false, null, null, List.of(), null, List.of()), CHICAGO);
        assertThat(CallBackDue.due(Instant.parse("2026-03-02T17:00:00Z"), closed, SAME)).isEqualTo("2026-03-03T17:00:00Z");
        assertThat(CallBackDue.due(Instant.parse("2026-03-02T17:00:00Z"), closed, NEXT)).isEqualTo("2026-03-03T17:00:00Z");
    }

    @Test
    void without_a_rule_it_is_the_same_opening_day() {
        assertThat(due("2026-03-04T16:00:00Z", null)).isEqualTo("2026-03-05T00:00:00Z");
    }
}
