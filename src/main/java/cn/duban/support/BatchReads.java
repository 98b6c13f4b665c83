package cn.duban.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rows read once for a whole batch of work in one thread and one transaction, instead of once per
 * expression or listener that asks for them. Starting a unit's report instance asks for the unit's row
 * twice (the 签收 task's due date, the notice mail), for its registry row and for the campaign; a
 * distribution batch opens a scope, preloads its units' rows with one query, and the
 * repositories answer from the scope while it is open. Outside a scope every read goes to the database.
 *
 * <p>Only for read-mostly work whose rows nothing else in the same scope changes: a repository that writes
 * a row read through the scope calls {@link #forget(Object)} for it.
 */
public final class BatchReads implements AutoCloseable {

    private static final ThreadLocal<BatchReads> CURRENT = new ThreadLocal<>();

    private final Map<Object, Optional<?>> rows = new HashMap<>();

    private BatchReads() {}

    /** Opens the scope of this thread; close it (try-with-resources) in the same transaction. */
    public static BatchReads open() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("a batch scope is already open in this thread");
        }
        BatchReads scope = new BatchReads();
        CURRENT.set(scope);
        return scope;
    }

    /** The row under this key: from the open scope if it holds it (or once loaded into it), else loaded. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> read(Object key, Supplier<Optional<T>> load) {
        BatchReads scope = CURRENT.get();
        if (scope == null) {
            return load.get();
        }
        Optional<?> row = scope.rows.get(key);
        if (row == null) {
            row = load.get();
            scope.rows.put(key, row);
        }
        return (Optional<T>) row;
    }

    /** Puts a row read in bulk into the open scope; without a scope it does nothing. */
    public static void preload(Object key, Object row) {
        BatchReads scope = CURRENT.get();
        if (scope != null) {
            scope.rows.put(key, Optional.ofNullable(row));
        }
    }

    /** Drops a row that is about to change, so the next read goes to the database. */
    public static void forget(Object key) {
        BatchReads scope = CURRENT.get();
        if (scope != null) {
            scope.rows.remove(key);
        }
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
