package cn.duban.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the database connection from any other error, wherever it surfaces (Spring's JDBC
 * layer, a transaction that could not begin, or the engine wrapping the driver's exception), so that the
 * person gets "try again shortly" instead of a stack trace. Nothing was written: the transaction never
 * started or was rolled back.
 */
public final class DatabaseDown {

    public static final String MESSAGE = "数据库暂时无法连接，本次操作没有保存，请稍后重试";

    private DatabaseDown() {}

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (PostgreSQL's driver, H2)
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
