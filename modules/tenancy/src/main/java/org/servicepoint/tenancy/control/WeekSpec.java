package org.servicepoint.tenancy.control;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Weekly hours: per day a list of "HH:MM-HH:MM" periods; a missing or empty day is closed. */
@Schema(name = "Week")
public record WeekSpec(List<String> monday, List<String> tuesday, List<String> wednesday, List<String> thursday,
                       List<String> friday, List<String> saturday, List<String> sunday) {

    public static final WeekSpec CLOSED = new WeekSpec(null, null, null, null, null, null, null);

    public Map<DayOfWeek, List<String>> byDay() {
        Map<DayOfWeek, List<String>> days = new EnumMap<>(DayOfWeek.class);
        put(days, DayOfWeek.MONDAY, monday);
        put(days, DayOfWeek.TUESDAY, tuesday);
        put(days, DayOfWeek.WEDNESDAY, wednesday);
        put(days, DayOfWeek.THURSDAY, thursday);
        put(days, DayOfWeek.FRIDAY, friday);
        put(days, DayOfWeek.SATURDAY, saturday);
        put(days, DayOfWeek.SUNDAY, sunday);
        return days;
    }

    public static WeekSpec of(Map<DayOfWeek, List<String>> days) {
        return new WeekSpec(days.get(DayOfWeek.MONDAY), days.get(DayOfWeek.TUESDAY), days.get(DayOfWeek.WEDNESDAY),
                days.get(DayOfWeek.THURSDAY), days.get(DayOfWeek.FRIDAY), days.get(DayOfWeek.SATURDAY),
                days.get(DayOfWeek.SUNDAY));
    }

    private static void put(Map<DayOfWeek, List<String>> days, DayOfWeek day, List<String> periods) {
        days.put(day, periods == null ? List.of() : periods);
    }
}
