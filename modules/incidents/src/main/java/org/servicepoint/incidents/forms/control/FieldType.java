package org.servicepoint.incidents.forms.control;

import java.util.Arrays;
import java.util.Optional;

/** What kind of answer a form field takes, and for text how long it may be. */
public enum FieldType {
    TEXT("text", 200, 1000),
    LONG_TEXT("long-text", 4000, 20000),
    DATE_TIME("date-time", 0, 0),
    CHOICE("choice", 0, 0),
    MULTI_CHOICE("multi-choice", 0, 0),
    YES_NO("yes-no", 0, 0),
    NUMBER("number", 0, 0),
    STAFF_MEMBER("staff-member", 0, 0);

    private final String code;
    private final int defaultMaxLength;
    private final int maxMaxLength;

    FieldType(String code, int defaultMaxLength, int maxMaxLength) {
        this.code = code;
        this.defaultMaxLength = defaultMaxLength;
        this.maxMaxLength = maxMaxLength;
    }

    public String code() { return code; }

    public boolean isText() { return maxMaxLength > 0; }

    public boolean hasChoices() { return this == CHOICE || this == MULTI_CHOICE; }

    public int defaultMaxLength() { return defaultMaxLength; }

    public int maxMaxLength() { return maxMaxLength; }

    public static Optional<FieldType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
