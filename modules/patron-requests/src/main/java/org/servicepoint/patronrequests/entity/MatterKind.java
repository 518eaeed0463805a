package org.servicepoint.patronrequests.entity;

import java.util.Optional;
import org.servicepoint.platform.entity.WireNames;

/** The kinds of open matter a follow-up or an update to a patron can belong to. */
public enum MatterKind {
    COMPLAINT, COMMENT_CARD, RECONSIDERATION, CALL_BACK, ESCALATION;

    /** The wire code, e.g. {@code call-back}. */
    public String code() {
        return WireNames.of(this);
    }

    public static Optional<MatterKind> ofCode(String code) {
        return WireNames.parse(MatterKind.class, code);
    }
}
