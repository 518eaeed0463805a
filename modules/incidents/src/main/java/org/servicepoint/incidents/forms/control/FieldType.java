package org.servicepoint.incidents.forms.control;

import java.util.Optional;
import org.servicepoint.platform.entity.WireNames;

/** What kind of answer a form field takes, and for text how long it may be. */
public enum FieldType {
    TEXT(200, 1000),
    LONG_TEXT(4000, 20000),
    DATE_TIME(0, 0),
    CHOICE(0, 0),
    MULTI_CHOICE(0, 0),
    YES_NO(0, 0),
    NUMBER(0, 0),
    STAFF_MEMBER(0, 0);

    private final int defaultMaxLength;
    private final int maxMaxLength;

    FieldType(int defaultMaxLength, int maxMaxLength) {
        this.defaultMaxLength = defaultMaxLength;
        this.maxMaxLength = maxMaxLength;
    }

    /** As form files and the API spell it: {@code long-text}. */
    public String code() { return WireNames.of(this); }

    public boolean isText() { return maxMaxLength > 0; }

    public boolean hasChoices() { return this == CHOICE || this == MULTI_CHOICE; }

    public int defaultMaxLength() { return defaultMaxLength; }

    public int maxMaxLength() { return maxMaxLength; }

    public static Optional<FieldType> ofCode(String code) {
        return WireNames.parse(FieldType.class, code);
    }
}
