package cn.duban.document;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code duban_circular}: each 督办通报 sent for 核稿 and 签发, with the document as it was sent. */
@Repository
class CircularRepository {

    private static final String COLUMNS = """
            id, campaign_id, serial, status, title, as_of, created_by, created_at, reviewed_by, reviewed_at,
            review_comment, signed_by, signed_at, sign_comment""";

    private final JdbcClient jdbc;

    CircularRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number the next circular of this campaign takes (第 N 期). */
    int nextSerial(String campaignId) {
        return jdbc.sql("SELECT COALESCE(MAX(serial), 0) + 1 FROM duban_circular WHERE campaign_id = ?")
                .param(campaignId).query(Integer.class).single();
    }

    long insert(String campaignId, int serial, String title, LocalDate asOf, byte[] docx, byte[] pdf, String html, String text,
                String createdBy, LocalDateTime createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO duban_circular (campaign_id, serial, status, title, as_of, docx, pdf, html, text_body, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, serial, CircularStatus.REVIEWING.name(), title, asOf, docx, pdf, html, text, createdBy, createdAt)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Circular> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_circular WHERE id = ?").param(id).query(CircularRepository::row).optional();
    }

    /** The circular, its row locked until the transaction ends (two people deciding at once are one after the other). */
    Optional<Circular> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_circular WHERE id = ? FOR UPDATE").param(id)
                .query(CircularRepository::row).optional();
    }

    /** The circulars a person sent, checked or signed, newest first (their 已办). */
    List<Circular> workOf(String user, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_circular WHERE created_by = ? OR reviewed_by = ? OR signed_by = ?"
                        + " ORDER BY created_at DESC LIMIT ?")
                .params(user, user, user, limit).query(CircularRepository::row).list();
    }

    List<Circular> list(String campaignId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_circular WHERE campaign_id = ? ORDER BY serial")
                .param(campaignId).query(CircularRepository::row).list();
    }

    void decided(long id, cn.duban.support.Decisions.Stage stage, CircularStatus next, String by, LocalDateTime at, String comment) {
        String who = stage == cn.duban.support.Decisions.Stage.REVIEW ? "reviewed" : "signed";
        String note = stage == cn.duban.support.Decisions.Stage.REVIEW ? "review_comment" : "sign_comment";
        jdbc.sql("UPDATE duban_circular SET status = ?, " + who + "_by = ?, " + who + "_at = ?, " + note + " = ? WHERE id = ?")
                .params(next.name(), by, at, comment, id).update();
    }

    byte[] docx(long id) {
        return jdbc.sql("SELECT docx FROM duban_circular WHERE id = ?").param(id).query(byte[].class).single();
    }

    byte[] pdf(long id) {
        return jdbc.sql("SELECT pdf FROM duban_circular WHERE id = ?").param(id).query(byte[].class).single();
    }

    String html(long id) {
        return jdbc.sql("SELECT html FROM duban_circular WHERE id = ?").param(id).query(String.class).single();
    }

    String text(long id) {
        return jdbc.sql("SELECT text_body FROM duban_circular WHERE id = ?").param(id).query(String.class).single();
    }

    private static Circular row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Circular(rs.getLong("id"), rs.getString("campaign_id"), rs.getInt("serial"),
                CircularStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getObject("as_of", LocalDate.class),
                rs.getString("created_by"), rs.getObject("created_at", LocalDateTime.class), rs.getString("reviewed_by"),
                rs.getObject("reviewed_at", LocalDateTime.class), rs.getString("review_comment"), rs.getString("signed_by"),
                rs.getObject("signed_at", LocalDateTime.class), rs.getString("sign_comment"));
    }
}
