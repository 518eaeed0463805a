package org.servicepoint.policies.exceptions.control;

import java.util.UUID;

/**
 * An exception as staff record it, unchecked: the policy's key, the branch (the caller's own if left out), what was
 * asked and granted, who approved it (a roster id; the caller if left out), whether the patron was told it is a
 * one-time exception, an optional patron reference id, and when it happened (ISO date-time; now if left out).
 */
public record NewException(String policy, String branch, String asked, String granted, UUID approvedBy, Boolean toldOneTime,
                           UUID patronReference, String occurredAt) {
}
