package org.servicepoint.incidents.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.forms.control.FormDefinition;

class DeadlinesTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Test
    void by_default_the_end_of_the_day_of_the_incident_in_the_library_systems_zone() {
        // 22:30 in Chicago on 10 March is 04:30 UTC on the 11th: the deadline is still midnight in Chicago.
        OffsetDateTime late = OffsetDateTime.parse("2026-03-11T04:30:00Z");
        assertThat(Deadlines.deadline(late, CHICAGO, null).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-03-11T00:00:00-05:00").toInstant());
        // The same instant in Auckland is already the afternoon of the 11th there.
        assertThat(Deadlines.deadline(late, AUCKLAND, null).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-03-12T00:00:00+13:00").toInstant());
    }

    @Test
    void a_day_with_a_daylight_saving_change_ends_at_the_next_local_midnight() {
        // 8 March 2026: Chicago moves its clocks forward; that day has 23 hours.
        OffsetDateTime morning = OffsetDateTime.parse("2026-03-08T00:30:00-06:00");
        OffsetDateTime deadline = Deadlines.deadline(morning, CHICAGO, null);
        assertThat(deadline).isEqualTo(OffsetDateTime.parse("2026-03-09T00:00:00-05:00"));
        assertThat(Duration.between(morning, deadline)).isEqualTo(Duration.ofHours(22).plusMinutes(30));
        // 1 November 2026: clocks go back; that day has 25 hours.
        OffsetDateTime autumn = OffsetDateTime.parse("2026-11-01T00:00:00-05:00");
        assertThat(Duration.between(autumn, Deadlines.deadline(autumn, CHICAGO, null))).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void a_library_system_may_set_the_time_and_allow_days_after_the_incident() {
        OffsetDateTime incident = OffsetDateTime.parse("2026-03-10T10:00:00-05:00");
        var fivePm = new FormDefinition.DeliveryDeadline(0, "17:00");
        assertThat(Deadlines.deadline(incident, CHICAGO, fivePm)).isEqualTo(OffsetDateTime.parse("2026-03-10T17:00:00-05:00"));
        var nextDayNoon = new FormDefinition.DeliveryDeadline(1, "12:00");
        assertThat(Deadlines.deadline(incident, CHICAGO, nextDayNoon)).isEqualTo(OffsetDateTime.parse("2026-03-11T12:00:00-05:00"));
        // 02:30 does not exist on 8 March in Chicago: it is moved forward by the gap.
        var halfPastTwo = new FormDefinition.DeliveryDeadline(0, "02:30");
        assertThat(Deadlines.deadline(OffsetDateTime.parse("2026-03-08T00:10:00-06:00"), CHICAGO, halfPastTwo))
                .isEqualTo(OffsetDateTime.parse("2026-03-08T03:30:00-05:00"));
    }
}
