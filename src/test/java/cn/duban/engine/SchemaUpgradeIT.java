package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.EmbeddedPostgresDatabase;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of the previous schema (V12: before tables with columns, periodic returns and chunked files) with a
 * campaign in it — a unit, a handed-in version with its figures and a stored file — migrated to this version on H2
 * and on PostgreSQL: the figures stay, the file's bytes move into its chunks unchanged, the new columns have their
 * defaults. (Running instances of the previous models: ProcessUpgradeIT.)
 */
class SchemaUpgradeIT {

    @Test
    void aCampaignOfThePreviousSchemaKeepsItsFiguresAndItsFileOnH2() {
        upgrade(new DriverManagerDataSource("jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void aCampaignOfThePreviousSchemaKeepsItsFiguresAndItsFileOnPostgres() throws Exception {
        var postgres = EmbeddedPostgresDatabase.start();
        upgrade(postgres.getPostgresDatabase());
    }

    void upgrade(DataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("12").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        LocalDateTime now = LocalDateTime.of(2026, 12, 1, 9, 30);
        jdbc.sql("INSERT INTO duban_unit (code, name, type, created_at) VALUES ('rmyy', '沂源县人民医院', 'hospital', ?)").param(now).update();
        jdbc.sql("INSERT INTO duban_campaign (id, template_code, title, template_json, status, created_by, created_at) "
                + "VALUES ('C1', 't', '关于开展活动的通知', '{}', 'ISSUED', 'drafter1', ?)").param(now).update();
        jdbc.sql("INSERT INTO duban_campaign_unit (campaign_id, unit_code, batch_no, status) VALUES ('C1', 'rmyy', 0, 'SUBMITTED')").update();
        jdbc.sql("INSERT INTO duban_report (campaign_id, unit_code, version, status, submitted_by, submitted_at) "
                + "VALUES ('C1', 'rmyy', 1, 'SUBMITTED', 'rmyy-reporter', ?)").param(now).update();
        long report = jdbc.sql("SELECT id FROM duban_report").query(Long.class).single();
        jdbc.sql("INSERT INTO duban_report_value (report_id, indicator_code, amount) VALUES (?, '5', 12)").param(report).update();
        byte[] pdf = "%PDF-1.4\n% 活动总结\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        jdbc.sql("INSERT INTO duban_attachment (campaign_id, unit_code, report_id, kind, filename, content_type, size_bytes, sha256, "
                + "content, uploaded_by, uploaded_at) VALUES ('C1', 'rmyy', ?, 'SUMMARY', '总结.pdf', 'application/pdf', ?, 'x', ?, 'rmyy-reporter', ?)")
                .params(report, pdf.length, pdf, now).update();

        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        long file = jdbc.sql("SELECT id FROM duban_attachment").query(Long.class).single();
        assertThat(jdbc.sql("SELECT bytes FROM duban_attachment_chunk WHERE attachment_id = ? AND chunk_no = 0").param(file)
                .query((rs, i) -> rs.getBytes(1)).single()).isEqualTo(pdf);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_attachment WHERE content IS NOT NULL").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT amount FROM duban_report_value WHERE report_id = ?").param(report).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("12");
        assertThat(jdbc.sql("SELECT carried_over FROM duban_report WHERE id = ?").param(report).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT carried_from FROM duban_campaign_unit").query(String.class).list()).containsOnlyNulls();
        // a cell of a table with columns: a sub-unit's code and the column's, wider than an indicator code was
        jdbc.sql("INSERT INTO duban_report_value (report_id, indicator_code, amount) VALUES (?, ?, 1)").params(report, "u".repeat(64) + ".remarks").update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_series_period").query(Integer.class).single()).isZero();
    }
}
