package org.servicepoint.staffing.control;

import java.util.UUID;

/**
 * An absence as a planner records it, still unchecked: whole days ({@code firstDay}, optional {@code lastDay})
 * or a stretch of time ({@code from}, {@code to} as "2026-12-01T13:00"), on the library system's wall clock.
 */
public record AbsenceDraft(UUID staffMemberId, String kind, String firstDay, String lastDay, String from, String to) {
}
