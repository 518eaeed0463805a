package org.servicepoint.confidentiality.control;

/**
 * Implemented by a context that links patrons through patron references (a computer-use ban in force, an incident
 * report): the nightly purge keeps every reference some context still holds, however long ago it was last used.
 * Without this, a ban on someone who stays away longer than the retention period would silently stop working.
 */
public interface PatronReferenceHolds {

    /**
     * Native SQL that selects one {@code uuid} column: the ids of the patron references this context still holds
     * in the tenant {@code ?1} (varchar) at the moment {@code ?2} (timestamptz). The purge runs it inside its delete
     * as {@code NOT EXISTS}, in the database, so no list of ids grows with history; and row-level security binds it
     * to the purge's tenant as well. Constant text of the implementing module, never built from input.
     */
    String heldReferences();
}
