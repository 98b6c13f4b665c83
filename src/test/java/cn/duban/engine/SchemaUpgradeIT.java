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
 * defaults. And versions of tables stored before a unit's totals were figures of their own (V17, issue 28 §1) get
 * theirs, each the sum of its rows. (Running instances of the previous models: ProcessUpgradeIT.)
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
        // V22: the file's bytes stay where they are, named by its row's key; the unit and the campaign count them
        assertThat(jdbc.sql("SELECT content_key FROM duban_attachment WHERE id = ?").param(file).query(String.class).single())
                .isEqualTo("db:" + file);
        assertThat(jdbc.sql("SELECT attachment_bytes FROM duban_campaign_unit").query(Long.class).single()).isEqualTo(pdf.length);
        assertThat(jdbc.sql("SELECT attachment_bytes FROM duban_campaign_storage WHERE campaign_id = 'C1'").query(Long.class).single())
                .isEqualTo(pdf.length);
        assertThat(jdbc.sql("SELECT amount FROM duban_report_value WHERE report_id = ?").param(report).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("12");
        assertThat(jdbc.sql("SELECT carried_over FROM duban_report WHERE id = ?").param(report).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT carried_from FROM duban_campaign_unit").query(String.class).list()).containsOnlyNulls();
        // a cell of a table with columns: a sub-unit's code and the column's, wider than an indicator code was
        jdbc.sql("INSERT INTO duban_report_value (report_id, indicator_code, amount) VALUES (?, ?, 1)").params(report, "u".repeat(64) + ".remarks").update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_series_period").query(Integer.class).single()).isZero();
    }

    @Test
    void tableVersionsStoredWithoutTheirTotalsGetThemOnH2() {
        totals(new DriverManagerDataSource("jdbc:h2:mem:upgrade-totals-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void tableVersionsStoredWithoutTheirTotalsGetThemOnPostgres() throws Exception {
        try (var postgres = EmbeddedPostgresDatabase.start()) {
            totals(postgres.getPostgresDatabase());
        }
    }

    /**
     * Four versions as V17 stored them: a table without its 合计 row (no totals), one with it (totals stored, kept as
     * they are even where they would not be the sum), a row per sub-unit without the row, and an indicators-only table.
     */
    void totals(DataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("17").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        LocalDateTime now = LocalDateTime.of(2026, 12, 1, 9, 30);
        jdbc.sql("INSERT INTO duban_unit (code, name, type, created_at) VALUES ('rmyy', '沂源县人民医院', 'hospital', ?)").param(now).update();
        java.util.Map<String, Long> reports = new java.util.LinkedHashMap<>();
        for (String c : java.util.List.of("NOROW", "WITHROW", "SUBUNITS", "INDICATORS")) {
            jdbc.sql("INSERT INTO duban_campaign (id, template_code, title, template_json, status, created_by, created_at) "
                    + "VALUES (?, 't', '关于开展活动的通知', '{}', 'ISSUED', 'drafter1', ?)").params(c, now).update();
            jdbc.sql("INSERT INTO duban_campaign_unit (campaign_id, unit_code, batch_no, status) VALUES (?, 'rmyy', 0, 'APPROVED')").param(c).update();
            jdbc.sql("INSERT INTO duban_report (campaign_id, unit_code, version, status, submitted_by, submitted_at) "
                    + "VALUES (?, 'rmyy', 1, 'APPROVED', 'rmyy-reporter', ?)").params(c, now).update();
            reports.put(c, jdbc.sql("SELECT id FROM duban_report WHERE campaign_id = ?").param(c).query(Long.class).single());
        }
        java.util.function.BiConsumer<String, java.util.Map<String, String>> values = (c, cells) -> cells.forEach((cell, amount) ->
                jdbc.sql("INSERT INTO duban_report_value (report_id, indicator_code, amount) VALUES (?, ?, ?)")
                        .params(reports.get(c), cell, new java.math.BigDecimal(amount)).update());
        values.accept("NOROW", java.util.Map.of("a.checks", "3", "b.checks", "4", "c.checks", "0", "a.funds", "1.25", "b.funds", "0.5",
                "c.funds", "10.05", "a.all", "4.25", "b.all", "4.50", "c.all", "10.05"));
        values.accept("WITHROW", java.util.Map.of("a.checks", "3", "b.checks", "4", "_total.checks", "7", "_total.funds", "99"));
        values.accept("SUBUNITS", java.util.Map.of("lsjd.water", "12", "nmjd.water", "30", "sqz-2.water", "1", "lsjd.area", "1.5"));
        values.accept("INDICATORS", java.util.Map.of("1", "4", "7", "1.25"));

        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        java.util.function.Function<String, java.util.Map<String, java.math.BigDecimal>> stored = c -> {
            java.util.Map<String, java.math.BigDecimal> m = new java.util.TreeMap<>();
            jdbc.sql("SELECT indicator_code, amount FROM duban_report_value WHERE report_id = ?").param(reports.get(c))
                    .query((rs, i) -> m.put(rs.getString(1), rs.getBigDecimal(2))).list();
            return m;
        };
        assertThat(stored.apply("NOROW")).hasSize(12).satisfies(m -> {
            assertThat(m.get("_total.checks")).isEqualByComparingTo("7");
            assertThat(m.get("_total.funds")).isEqualByComparingTo("11.80");
            assertThat(m.get("_total.all")).isEqualByComparingTo("18.80");
        });
        assertThat(stored.apply("WITHROW")).as("totals stored with the version are kept, none added").hasSize(4)
                .satisfies(m -> assertThat(m.get("_total.funds")).isEqualByComparingTo("99"));
        assertThat(stored.apply("SUBUNITS")).hasSize(6).satisfies(m -> {
            assertThat(m.get("_total.water")).isEqualByComparingTo("43");
            assertThat(m.get("_total.area")).isEqualByComparingTo("1.5");
        });
        assertThat(stored.apply("INDICATORS")).as("indicators have no totals of their own").containsOnlyKeys("1", "7");
    }
}
