package org.servicepoint.tenancy.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.servicepoint.platform.entity.TimeRange;

/** The open periods of one day, sorted and never overlapping; empty means closed. */
public record DayHours(List<TimeRange> periods) {

    public static final DayHours CLOSED = new DayHours(List.of());

    public DayHours {
        List<TimeRange> sorted = new ArrayList<>(periods);
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException(sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
            }
        }
        periods = List.copyOf(sorted);
    }

    public static DayHours parse(List<String> texts) {
        if (texts == null) {
            return CLOSED;
        }
        return new DayHours(texts.stream().map(TimeRange::parse).toList());
    }

    /** Canonical text, e.g. "09:00-12:00,13:00-17:00"; empty when closed. */
    public String text() {
        return periods.stream().map(TimeRange::toString).collect(Collectors.joining(","));
    }

    public static DayHours ofText(String text) {
        if (text == null || text.isBlank()) {
            return CLOSED;
        }
        return parse(List.of(text.split(",")));
    }

    public List<String> texts() {
        return periods.stream().map(TimeRange::toString).toList();
    }

    public boolean closed() {
        return periods.isEmpty();
    }
}
