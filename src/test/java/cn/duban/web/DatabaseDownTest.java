package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseDownTest {

    @Test
    void aLostConnectionIsRecognisedWhereverItSurfaces() {
        assertThat(DatabaseDown.is(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseDown.is(new CannotCreateTransactionException("no tx"))).isTrue();
        // the engine wraps the driver's exception: SQLSTATE 08001 (PostgreSQL: connection refused)
        assertThat(DatabaseDown.is(new ProcessEngineException("query failed", new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseDown.is(new RuntimeException(new java.net.ConnectException("refused")))).isTrue();
        // a pooled connection the server cut while shutting down (PostgreSQL 57P01), the server still starting (57P03)
        assertThat(DatabaseDown.is(new ProcessEngineException("query failed",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseDown.is(new SQLException("the database system is starting up", "57P03"))).isTrue();
        // the rollback failed on a connection the pool had closed: the engine's wrapper, Spring's, HikariCP's
        assertThat(DatabaseDown.is(new org.camunda.bpm.engine.ProcessEnginePersistenceException("persistence",
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))).isTrue();
        TransactionSystemException overridden = new TransactionSystemException("commit failed", new SQLException("serialization", "40001"));
        overridden.initApplicationException(new SQLException("I/O error", "08006"));
        assertThat(DatabaseDown.is(overridden)).as("the first failure, kept aside").isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseDown.is(new ProcessEngineException("bad", new SQLException("constraint", "23505")))).isFalse();
        assertThat(DatabaseDown.is(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseDown.is(new SQLException("division by zero", "22012"))).isFalse();
        assertThat(DatabaseDown.is(new TransactionSystemException("commit failed", new SQLException("serialization", "40001")))).isFalse();
        assertThat(DatabaseDown.is(null)).isFalse();
    }
}
