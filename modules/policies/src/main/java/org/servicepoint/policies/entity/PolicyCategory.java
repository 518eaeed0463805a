package org.servicepoint.policies.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a policy is about, as the library's screens group them. */
public enum PolicyCategory {
    CIRCULATION, COMPUTER_USE, MEETING_ROOMS, CONDUCT, PRIVACY, COMPLAINTS, CHILDREN, SAFETY, OTHER;

    /** "computer-use", as files, the API and the database write it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> wires() {
        return Arrays.stream(values()).map(PolicyCategory::wire).toList();
    }

    /** The category a file or body names; null for anything else. */
    public static PolicyCategory ofWire(String text) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(text)).findFirst().orElse(null);
    }
}
