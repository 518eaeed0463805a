package org.servicepoint.bans.control;

import org.servicepoint.bans.entity.BanStatus;

/**
 * Which bans a list shows: by status at the moment of asking, those that apply at a branch (its own and the
 * library system's), and those whose review date has come while they are in force. Nulls do not filter.
 */
public record BanFilter(BanStatus status, String branch, Boolean reviewDue, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public BanFilter {
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
