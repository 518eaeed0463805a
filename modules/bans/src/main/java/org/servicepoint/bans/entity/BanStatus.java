package org.servicepoint.bans.entity;

/**
 * Where a ban stands at a given moment. Never stored: it follows from the ban's times and the clock, so a ban
 * ends by itself without any job having to run.
 */
public enum BanStatus {
    /** Imposed, starting later. */
    UPCOMING,
    /** In force: the desk is told "banned". */
    ACTIVE,
    /** Its end has passed. */
    ENDED,
    /** Ended early by a person in charge. */
    LIFTED
}
