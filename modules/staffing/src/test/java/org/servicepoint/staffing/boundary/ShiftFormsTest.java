package org.servicepoint.staffing.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.servicepoint.platform.testing.WireChecks.invalid;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Refusal;

/** The shift and absence wire records refuse malformed fields before a control sees them. */
class ShiftFormsTest {

    @Test
    void a_shift_form_needs_a_member_a_place_and_clock_times() {
        UUID ana = UUID.randomUUID();
        assertThat(invalid(new ShiftForm(ana, "HQ", "circulation", "tuesday", "2026-11-03", null, null, "09:00", "17:00", null))).isEmpty();
        assertThat(invalid(new ShiftForm(ana, "HQ", "circulation", null, null, null, "2026-11-03", "22:00", "06:00", true))).isEmpty();
        assertThat(invalid(new ShiftForm(null, " ", null, "Tuesday", "3.11.2026", null, "tomorrow", "9:00", "24:00", null)))
                .containsExactly("branch", "date", "dayOfWeek", "end", "servicePoint", "staffMemberId", "start", "validFrom");
    }

    @Test
    void an_absence_form_needs_a_member_a_known_kind_and_well_formed_times() {
        UUID vi = UUID.randomUUID();
        assertThat(invalid(new AbsenceForm(vi, "sick", "2026-12-01", null, null, null))).isEmpty();
        assertThat(invalid(new AbsenceForm(vi, "leave", null, null, "2026-12-01T13:00", "2026-12-01T17:00"))).isEmpty();
        assertThat(invalid(new AbsenceForm(null, "holiday", "1/12", null, "2026-12-01 13:00", "2026-12-01T25:00")))
                .containsExactly("firstDay", "from", "kind", "staffMemberId", "to");
        assertThat(invalid(new ShiftCancellationForm(null))).containsExactly("date");
    }

    @Test
    void query_parameters_are_read_with_clear_refusals() {
        assertThat(ScheduleParams.days(null)).isEqualTo(15);
        assertThat(ScheduleParams.days("31")).isEqualTo(31);
        for (String bad : List.of("0", "32", "x", "-1", "100")) {
            assertThat(catchThrowableOfType(() -> ScheduleParams.days(bad), Refusal.class).status()).as(bad).isEqualTo(400);
        }
        assertThat(catchThrowableOfType(() -> Ids.inPath("not-an-id", "shift"), Refusal.class).status()).isEqualTo(404);
        assertThat(catchThrowableOfType(() -> ScheduleParams.optionalId("staffMember", "nope"), Refusal.class).status()).isEqualTo(400);
        assertThat(catchThrowableOfType(() -> ScheduleParams.optionalDate("from", "2026-13-01"), Refusal.class).status()).isEqualTo(400);
    }
}
