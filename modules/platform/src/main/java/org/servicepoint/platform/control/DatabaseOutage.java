package org.servicepoint.platform.control;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure because the database is away (restarting, unreachable, refusing connections) from any other: the
 * first is the service's temporary state (503, try again), the second a fault (500). Decided from the cause chain.
 */
public final class DatabaseOutage {

    // SQLSTATE: class 08 connection exceptions; admin or crash shutdown, cannot connect now; too many connections.
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = next(t)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            // The application server's pool, when it cannot open a connection (its classes are not ours to import).
            String name = t.getClass().getName();
            if (name.endsWith("PoolingException") || name.endsWith("ResourceAllocationException")) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("Error in allocating a connection")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null && sql.getCause() == null) {
            return sql.getNextException();
        }
        if (t.getCause() == null && t instanceof org.eclipse.persistence.exceptions.EclipseLinkException e) {
            return e.getInternalException();
        }
        return t.getCause();
    }
}
