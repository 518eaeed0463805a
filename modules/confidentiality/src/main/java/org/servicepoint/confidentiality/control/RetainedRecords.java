package org.servicepoint.confidentiality.control;

/**
 * Implemented by a context that keeps a kind of record the nightly purge removes after the library system's
 * retention period (incident reports, escalations, computer-use bans): the context declares what it keeps and for
 * how long by default, and how to remove a batch of what is due. Confidentiality stores each tenant's own periods
 * and asks every implementation in turn; it does not know the others' tables.
 */
public interface RetainedRecords {

    /** The record type's code in {@code GET/PUT /api/retention}: lower-case letters and hyphens, at most 40. */
    String recordType();

    /** Days kept when the library system sets none. */
    int defaultDays();

    /** What the days count from, as the API shows it (e.g. {@code closing}). */
    String countsFrom();

    /** Lower purges first: a context whose records hold another's (a ban names a report) goes before it. */
    int purgeOrder();

    /**
     * Native SQL that removes at most {@code ?3} (integer) records of the tenant {@code ?1} (varchar) whose period
     * counts from at or before {@code ?2} (timestamptz), and selects how many it removed (one integer). Constant
     * text of the implementing module, never built from input; in practice a call of a {@code security definer}
     * function of its migrations, which alone may delete (see the module's README). The purge repeats it until a
     * batch comes back smaller than {@code ?3}.
     */
    String purgeBatch();
}
