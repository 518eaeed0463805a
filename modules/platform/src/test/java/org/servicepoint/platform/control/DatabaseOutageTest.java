package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void a_connection_ended_by_a_database_shutdown_deep_in_the_chain_is_an_outage() {
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        Throwable failure = new TransactionalException("rolled back",
                new PersistenceException(DatabaseException.sqlException(shutdown)));
        assertThat(DatabaseOutage.isCause(failure)).isTrue();
    }

    @Test
    void a_refused_connection_and_a_pool_that_cannot_allocate_one_are_outages() {
        assertThat(DatabaseOutage.isCause(new PersistenceException(new SQLException("Connection to localhost:5432 refused", "08001"))))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new PersistenceException(new SQLException(
                "Error in allocating a connection. Cause: Connection could not be allocated")))).isTrue();
    }

    @Test
    void a_broken_rule_or_a_bug_is_no_outage() {
        assertThat(DatabaseOutage.isCause(new PersistenceException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
    }
}
