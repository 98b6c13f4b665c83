package cn.duban.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database connection from any other error, wherever it surfaces (Spring's JDBC
 * layer, a transaction that could not begin, or the engine wrapping the driver's exception), so that the
 * person gets "try again shortly" instead of a stack trace. Nothing was written: the transaction never
 * started or was rolled back.
 */
public final class DatabaseDown {

    public static final String MESSAGE = "数据库暂时无法连接，本次操作没有保存，请稍后重试";

    /** When to try again, in seconds (the Retry-After header of every such answer). */
    static final String RETRY_AFTER_SECONDS = "30";

    /** Answers a request the database could not serve: 503, Retry-After and the Chinese message. */
    static void answer(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        ErrorBody.write(response, jakarta.servlet.http.HttpServletResponse.SC_SERVICE_UNAVAILABLE, MESSAGE);
    }

    private DatabaseDown() {}

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof TransactionSystemException tx) {
                // the rollback failed on a connection the pool had already closed (HikariCP's "Connection is
                // closed" carries no SQLSTATE); what went wrong first is kept aside, not as the cause
                if (tx.getCause() instanceof SQLException sql && sql.getSQLState() == null
                        || tx.getApplicationException() != null && is(tx.getApplicationException())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08, connection exception (PostgreSQL's driver, H2); class 57, operator intervention
     * (57P01 a pooled connection cut by the server shutting down, 57P03 the server starting up); and 53300,
     * too many connections. Each means "not now", never "this request was wrong".
     */
    static boolean isConnectionState(String state) {
        return state.startsWith("08") || state.startsWith("57") || state.equals("53300");
    }
}
