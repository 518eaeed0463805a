package org.servicepoint.platform.control;

/**
 * A bounded context's own database migrations. Each context keeps its SQL under
 * {@code db/migration/<name>} and its own history table, so contexts version their schema independently.
 */
public interface ModuleSchema {

    /** Short name, also the folder of its migrations and the suffix of its history table. */
    String name();

    /** Lower runs first; a context that references another's tables runs after it. */
    int order();
}
