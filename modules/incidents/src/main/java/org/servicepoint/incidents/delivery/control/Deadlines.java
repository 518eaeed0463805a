package org.servicepoint.incidents.delivery.control;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.servicepoint.incidents.forms.control.FormDefinition;

/**
 * When a signed report must have reached its recipients: by default the end of the day of the incident, in the
 * library system's time zone. Computed on the local calendar, so a day of 23 or 25 hours (a daylight-saving
 * change) ends at the next local midnight, not 24 hours after the last one.
 */
public final class Deadlines {

    private Deadlines() {
    }

    public static OffsetDateTime deadline(OffsetDateTime occurredAt, ZoneId zone, FormDefinition.DeliveryDeadline rule) {
        FormDefinition.DeliveryDeadline r = rule == null ? FormDefinition.DeliveryDeadline.END_OF_INCIDENT_DAY : rule;
        LocalDate day = occurredAt.atZoneSameInstant(zone).toLocalDate().plusDays(r.daysAfterIncident() == null ? 0 : r.daysAfterIncident());
        String time = r.time() == null ? "24:00" : r.time();
        ZonedDateTime at = "24:00".equals(time)
                ? day.plusDays(1).atStartOfDay(zone)
                // A time skipped by a change to summer time is moved forward by the gap, as ZonedDateTime does.
                : ZonedDateTime.of(day, LocalTime.parse(time), zone);
        return at.toOffsetDateTime();
    }
}
