package org.servicepoint.confidentiality.control;

import java.util.Arrays;
import java.util.Optional;

/** Kinds of confidential record with a retention period, their defaults and what the period counts from. */
public enum RecordType {

    /** Seven years (with two leap days) after the decision; a request not yet decided is kept. */
    DISCLOSURE_REQUEST("disclosure-request", 2557, "decision"),
    /** A year after the reference was last made, looked up or named by a disclosure request. */
    PATRON_REFERENCE("patron-reference", 365, "last-use");

    private final String code;
    private final int defaultDays;
    private final String countsFrom;

    RecordType(String code, int defaultDays, String countsFrom) {
        this.code = code;
        this.defaultDays = defaultDays;
        this.countsFrom = countsFrom;
    }

    public String code() { return code; }
    public int defaultDays() { return defaultDays; }
    public String countsFrom() { return countsFrom; }

    public static Optional<RecordType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
