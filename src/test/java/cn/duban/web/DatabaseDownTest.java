package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseDownTest {

    @Test
    void aLostConnectionIsRecognisedWhereverItSurfaces() {
        assertThat(DatabaseDown.is(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseDown.is(new CannotCreateTransactionException("no tx"))).isTrue();
        // the engine wraps the driver's exception: SQLSTATE 08001 (PostgreSQL: connection refused)
        assertThat(DatabaseDown.is(new ProcessEngineException("query failed", new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseDown.is(new RuntimeException(new java.net.ConnectException("refused")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseDown.is(new ProcessEngineException("bad", new SQLException("constraint", "23505")))).isFalse();
        assertThat(DatabaseDown.is(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseDown.is(null)).isFalse();
    }
}
