package org.servicepoint.staffing.entity;

import org.servicepoint.platform.entity.WireNames;

/** Why someone is away. Only the kind is kept, never a diagnosis or a note: the schedule needs no more. */
public enum AbsenceKind {
    SICK, LEAVE, OTHER;

    public String code() {
        return WireNames.of(this);
    }

    public static AbsenceKind ofCode(String code) {
        for (AbsenceKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a kind of absence: " + code + " (sick, leave, other)");
    }
}
