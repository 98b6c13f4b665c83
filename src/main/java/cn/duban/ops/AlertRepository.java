package cn.duban.ops;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** duban_alert: every alert from when it opened until it was resolved. */
@Repository
class AlertRepository {

    /** One alert as the panel and the mails show it. */
    record Alert(long id, String conditionKey, String kind, String title, String detail, LocalDateTime openedAt,
                 LocalDateTime updatedAt, LocalDateTime resolvedAt) {}

    private static final String COLUMNS = "id, condition_key, kind, title, detail, opened_at, updated_at, resolved_at";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Alert> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_alert WHERE open_key IS NOT NULL ORDER BY opened_at, id").query(Alert.class).list();
    }

    List<Alert> resolvedSince(LocalDateTime since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_alert WHERE resolved_at >= ? ORDER BY resolved_at DESC, id DESC FETCH FIRST ? ROWS ONLY")
                .params(since, limit).query(Alert.class).list();
    }

    /** Opens the condition's alert; a second node opening the same one at once fails on the open key (a DuplicateKeyException). */
    Alert insert(String key, String kind, String title, String detail, LocalDateTime now) {
        jdbc.sql("INSERT INTO duban_alert (condition_key, open_key, kind, title, detail, opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(key, key, kind, title, detail, now, now).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_alert WHERE open_key = ?").param(key).query(Alert.class).single();
    }

    void update(long id, String title, String detail, LocalDateTime now) {
        jdbc.sql("UPDATE duban_alert SET title = ?, detail = ?, updated_at = ? WHERE id = ? AND open_key IS NOT NULL")
                .params(title, detail, now, id).update();
    }

    /** Resolves the alert; returns it if this call did (another node may have been first). */
    Optional<Alert> resolve(long id, LocalDateTime now) {
        int n = jdbc.sql("UPDATE duban_alert SET open_key = NULL, resolved_at = ?, updated_at = ? WHERE id = ? AND open_key IS NOT NULL")
                .params(now, now, id).update();
        return n == 0 ? Optional.empty()
                : jdbc.sql("SELECT " + COLUMNS + " FROM duban_alert WHERE id = ?").param(id).query(Alert.class).optional();
    }
}
