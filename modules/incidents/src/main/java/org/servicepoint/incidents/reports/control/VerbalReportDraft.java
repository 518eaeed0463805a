package org.servicepoint.incidents.reports.control;

import java.time.OffsetDateTime;

/** The call to headquarters as the reporter records it; {@code calledBy} defaults to the reporter's tag name. */
public record VerbalReportDraft(String calledBy, String calledTo, OffsetDateTime calledAt, String note) {

    public static final int NAME_MAX = 200;
    public static final int NOTE_MAX = 1000;
}
