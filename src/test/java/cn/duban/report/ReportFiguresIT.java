package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignFixtures;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.TemplateCatalog;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reporting queries repeat one rule in SQL, 逾期: for every status and every kind of due date (its own before,
 * on and after today, or the campaign's), the units the SQL filter calls overdue are exactly those {@link
 * Lateness#isOverdue} does. The units are written inactive, in a campaign of their own, so no other test meets them.
 */
@SpringBootTest
@ActiveProfiles("test")
class ReportFiguresIT {

    @Autowired ReportFigures figures;
    @Autowired CampaignFixtures fixtures;
    @Autowired TemplateCatalog catalog;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theSqlFilterAndTheJavaRuleCallTheSameUnitsOverdue() {
        LocalDate today = LocalDate.of(2026, 3, 20);
        LocalDate deadline = today.minusDays(1);
        String id = "RF" + System.nanoTime();
        var template = catalog.get("yiyuan-health-2024-315");
        LocalDateTime now = LocalDateTime.now();
        fixtures.insert(new Campaign(id, template.code(), template.title(), null, template, CampaignStatus.CLOSED, deadline,
                null, "test", now, now, null, null, null, "zhjdk"));
        LocalDate[] dues = {null, today.minusDays(1), today, today.plusDays(1)};
        int n = 0;
        for (UnitStatus status : UnitStatus.values()) {
            for (LocalDate due : dues) {
                String code = id + "-" + n++;
                jdbc.update("INSERT INTO duban_unit (code, name, type, active, created_at) VALUES (?, ?, 'test', FALSE, ?)",
                        code, "单位" + n, now);
                jdbc.update("INSERT INTO duban_campaign_unit (campaign_id, unit_code, batch_no, status, due_date) VALUES (?, ?, 0, ?, ?)",
                        id, code, status.name(), due);
            }
        }

        List<ReportFigures.UnitLine> all = figures.lines(id, deadline);
        assertThat(all).hasSize(n);
        assertThat(all).allSatisfy(l -> assertThat(l.dueDate()).isNotNull());
        Set<String> overdueInJava = all.stream().filter(l -> Lateness.isOverdue(l.status(), l.dueDate(), today))
                .map(ReportFigures.UnitLine::unitCode).collect(Collectors.toSet());
        Set<String> overdueInSql = codes(figures.page(id, deadline, null, true, today, 1_000, 0));
        Set<String> notOverdueInSql = codes(figures.page(id, deadline, null, false, today, 1_000, 0));

        assertThat(overdueInJava).isNotEmpty().hasSizeLessThan(n);
        assertThat(overdueInSql).isEqualTo(overdueInJava);
        assertThat(notOverdueInSql).hasSize(n - overdueInJava.size()).doesNotContainAnyElementsOf(overdueInJava);
        // a unit without its own due date has the campaign's (yesterday): overdue while it still owes the report
        assertThat(all.stream().filter(l -> l.status() == UnitStatus.HEAD_REVIEW && l.dueDate().equals(deadline)))
                .allSatisfy(l -> assertThat(overdueInSql).contains(l.unitCode()));
        // the statuses filter, and one page
        var submitted = figures.page(id, deadline, EnumSet.of(UnitStatus.SUBMITTED), null, today, 1_000, 0);
        assertThat(submitted).hasSize(dues.length).allSatisfy(l -> assertThat(l.status()).isEqualTo(UnitStatus.SUBMITTED));
        assertThat(figures.page(id, deadline, null, null, today, 5, 5)).extracting(ReportFigures.UnitLine::unitCode)
                .isEqualTo(all.subList(5, 10).stream().map(ReportFigures.UnitLine::unitCode).toList());
        assertThat(figures.groups(id).get(id)).hasSize(n);
    }

    private static Set<String> codes(List<ReportFigures.UnitLine> lines) {
        return lines.stream().map(ReportFigures.UnitLine::unitCode).collect(Collectors.toSet());
    }
}
