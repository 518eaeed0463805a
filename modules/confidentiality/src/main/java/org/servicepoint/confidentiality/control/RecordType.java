package org.servicepoint.confidentiality.control;

import java.util.Optional;
import org.servicepoint.platform.entity.WireNames;

/** Kinds of confidential record with a retention period, their defaults and what the period counts from. */
public enum RecordType {

    /** Seven years (with two leap days) after the decision; a request not yet decided is kept. */
    DISCLOSURE_REQUEST(2557, "decision"),
    /** A year after the reference was last made, looked up or named by a disclosure request. */
    PATRON_REFERENCE(365, "last-use");

    private final int defaultDays;
    private final String countsFrom;

    RecordType(int defaultDays, String countsFrom) {
        this.defaultDays = defaultDays;
        this.countsFrom = countsFrom;
    }

    /** As the API and the stored retention periods spell it: {@code disclosure-request}. */
    public String code() { return WireNames.of(this); }
    public int defaultDays() { return defaultDays; }
    public String countsFrom() { return countsFrom; }

    public static Optional<RecordType> of(String code) {
        return WireNames.parse(RecordType.class, code);
    }
}
