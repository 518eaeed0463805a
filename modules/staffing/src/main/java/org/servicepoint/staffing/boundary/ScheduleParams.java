package org.servicepoint.staffing.boundary;

import java.time.LocalDate;
import java.util.UUID;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.staffing.control.ScheduleReport;
import org.servicepoint.staffing.control.ShiftRules;

/** Shapes of the schedule endpoints' fields, and their path and query parameters read once. */
final class ScheduleParams {

    static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    static final String CLOCK = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String DATE_TIME = DATE + "T" + CLOCK;

    private ScheduleParams() {
    }

    /** An optional id in the query: malformed is the client's mistake (400). */
    static UUID optionalId(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Ids.parse(text).orElseThrow(() -> Refusal.invalid(field, Text.of("staffing.id.format")));
    }

    static LocalDate optionalDate(String field, String text) {
        return text == null || text.isBlank() ? null : ShiftRules.date(field, text);
    }

    /** Days of coverage: 15 (today and the next 14) unless given; a number JAX-RS cannot read would be a 404. */
    static int days(String text) {
        if (text == null || text.isBlank()) {
            return 15;
        }
        if (!text.matches("\\d{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > ScheduleReport.MAX_DAYS) {
            throw Refusal.invalid("days", Text.of("staffing.days.number", ScheduleReport.MAX_DAYS));
        }
        return Integer.parseInt(text);
    }

    static String optional(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
