package org.servicepoint.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Priority;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.boundary.ProblemMappers.TransactionNotCompleted;
import org.servicepoint.platform.boundary.ProblemMappers.TransactionNotCompleted.Cause;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;

/**
 * What a transaction that could not be completed is answered as. PostgresRestartIT once got the container's HTML 500
 * page: the database went away between a filing's last statement and its commit, and Jersey's own mapper for
 * {@code TransactionalException} rethrew it.
 */
class TransactionNotCompletedTest {

    static TransactionalException failed(Throwable cause) {
        return new TransactionalException("Managed bean with Transactional annotation encountered exception during commit", cause);
    }

    @Test
    void a_commit_the_transaction_manager_could_not_complete_with_the_database_is_the_outage_answer() {
        SystemException commit = new SystemException("org.omg.CORBA.INTERNAL: JTS5031: Exception on Resource [commit one phase]");
        assertThat(TransactionNotCompleted.causeOf(failed(commit))).isEqualTo(Cause.COMMIT_WITH_THE_DATABASE);
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(TransactionNotCompleted.causeOf(failed(new PersistenceException(shutdown)))).isEqualTo(Cause.COMMIT_WITH_THE_DATABASE);
    }

    @Test
    void a_refusal_inside_keeps_its_own_answer_and_a_rollback_or_a_bug_is_unexpected() {
        assertThat(TransactionNotCompleted.causeOf(failed(Refusal.conflict(Text.of("platform.forbidden.role")))))
                .isEqualTo(Cause.REFUSAL);
        assertThat(TransactionNotCompleted.causeOf(failed(new RollbackException("marked for rollback")))).isEqualTo(Cause.OTHER);
        assertThat(TransactionNotCompleted.causeOf(failed(new IllegalStateException("a bug")))).isEqualTo(Cause.OTHER);
    }

    @Test
    void it_is_ranked_ahead_of_jerseys_own_mapper_for_the_same_type() {
        // Jersey takes the first mapper of distance 0 in rank order; its own has the default rank, Priorities.USER.
        assertThat(TransactionNotCompleted.class.getAnnotation(Priority.class).value()).isLessThan(Priorities.USER);
    }
}
