package cn.duban.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Ids for an SQL {@code IN (…)} list, cut into pieces: a campaign of 10,000 units asks about 10,000 ids,
 * and databases and drivers limit the bind parameters of one statement (Oracle 1,000 in a list, the
 * PostgreSQL driver 32,767 in a statement). Every bulk read of duban's goes through here.
 */
public final class InLists {

    /** Ids per query: well under every limit, and few queries for a campaign. */
    public static final int SIZE = 500;

    private InLists() {}

    /** The ids in pieces of at most {@link #SIZE}, in order; none for no ids. */
    public static <T> List<List<T>> of(List<T> ids) {
        List<List<T>> pieces = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += SIZE) {
            pieces.add(ids.subList(i, Math.min(ids.size(), i + SIZE)));
        }
        return pieces;
    }
}
