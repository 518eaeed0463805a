package org.servicepoint.tenancy.entity;

import java.time.DayOfWeek;
import java.util.Objects;
import org.servicepoint.platform.entity.TimeRange;

/** A weekly stop of a mobile service point (a bookmobile): where it parks, on which day, from when to when. */
public record Stop(String name, DayOfWeek day, TimeRange hours) {

    /** Long enough for "Riverside Senior Center, north parking lot", short enough for a schedule cell. */
    public static final int MAX_NAME = 100;

    public Stop {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException("a stop needs a name of at most " + MAX_NAME + " characters");
        }
        name = name.strip();
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(hours, "hours");
    }
}
