package org.servicepoint.platform.entity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An open period within one day (a branch's hours, a desk's, a short day's), in minutes since midnight; 24:00 (1440) may close the day. */
public record TimeRange(int opens, int closes) implements Comparable<TimeRange> {

    private static final Pattern TEXT = Pattern.compile("^([01][0-9]|2[0-3]):([0-5][0-9])-(([01][0-9]|2[0-3]):([0-5][0-9])|24:00)$");

    public TimeRange {
        if (opens < 0 || closes > 1440 || closes <= opens) {
            throw new IllegalArgumentException("a period must end after it starts, within one day");
        }
    }

    /** Parses "HH:MM-HH:MM"; throws IllegalArgumentException with a message fit for a person. */
    public static TimeRange parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a period like 09:00-17:30");
        }
        int opens = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int closes = m.group(4) == null ? 1440 : Integer.parseInt(m.group(4)) * 60 + Integer.parseInt(m.group(5));
        if (closes <= opens) {
            throw new IllegalArgumentException("\"" + text + "\" ends before it starts");
        }
        return new TimeRange(opens, closes);
    }

    /** Each of {@code texts} parsed, earliest first; none for {@code null}. */
    public static List<TimeRange> parseAll(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(TimeRange::parse).sorted().toList();
    }

    public boolean overlaps(TimeRange other) {
        return opens < other.closes && other.opens < closes;
    }

    @Override
    public int compareTo(TimeRange other) {
        return opens != other.opens ? Integer.compare(opens, other.opens) : Integer.compare(closes, other.closes);
    }

    @Override
    public String toString() {
        return clock(opens) + "-" + clock(closes);
    }

    private static String clock(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
