package org.servicepoint.staffing.control;

import java.util.UUID;

/**
 * A shift as a planner asks for it, still unchecked: weekly ({@code dayOfWeek}, {@code validFrom}, optional
 * {@code validUntil}) or once ({@code date}); times "HH:MM" on the branch's wall clock.
 */
public record ShiftDraft(UUID staffMemberId, String branch, String servicePoint, String dayOfWeek, String validFrom,
                         String validUntil, String date, String start, String end, Boolean overnight) {
}
