package cn.duban.identity;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit of account and role changes (duban_account_change): who changed what of whose account, when. */
@Repository
public class AccountChanges {

    /** One change; {@code detail} never holds a password. */
    public record Change(long id, LocalDateTime changedAt, String changedBy, String action, String targetUser,
                         String targetGroup, String detail) {}

    public record Page(List<Change> changes, int page, int size, long total) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public AccountChanges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String by, AccountRules.Action action, String targetUser, String targetGroup, String detail) {
        jdbc.sql("""
                INSERT INTO duban_account_change (changed_at, changed_by, action, target_user, target_group, detail)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(LocalDateTime.now(clock), by, action.name(), targetUser, targetGroup,
                        detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000)))
                .update();
    }

    /** Newest first, one page; optionally only the changes of one account. */
    public Page list(String user, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.max(1, Math.min(size, 200));
        String where = user == null || user.isBlank() ? "" : " WHERE target_user = :u OR changed_by = :u";
        var count = jdbc.sql("SELECT COUNT(*) FROM duban_account_change" + where);
        var rows = jdbc.sql("SELECT id, changed_at, changed_by, action, target_user, target_group, detail FROM duban_account_change"
                + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset").param("limit", s).param("offset", (long) p * s);
        if (!where.isEmpty()) {
            count = count.param("u", user);
            rows = rows.param("u", user);
        }
        return new Page(rows.query(Change.class).list(), p, s, count.query(Long.class).single());
    }
}
