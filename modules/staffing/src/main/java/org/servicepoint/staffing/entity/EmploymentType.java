package org.servicepoint.staffing.entity;

import org.servicepoint.platform.entity.WireNames;

/**
 * How someone works for the library system. The chain-of-command rules lean on it: volunteers and pages
 * never handle difficult situations; a substitute does only when no permanent staff member is on duty.
 */
public enum EmploymentType {
    PERMANENT, SUBSTITUTE, VOLUNTEER, PAGE, STUDENT_ASSISTANT;

    public String code() {
        return WireNames.of(this);
    }

    public static EmploymentType ofCode(String code) {
        for (EmploymentType type : values()) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not an employment type: " + code
                + " (permanent, substitute, volunteer, page, student-assistant)");
    }
}
