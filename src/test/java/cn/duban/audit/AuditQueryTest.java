package cn.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.support.Refusal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    static final LocalDateTime DAY = LocalDateTime.of(2026, 3, 10, 9, 0);

    /** A campaign's audit with 300 downloads among a handful of state changes. */
    static List<AuditEntry> buried() {
        List<AuditEntry> all = new ArrayList<>();
        all.add(new AuditEntry(DAY, "drafter1", "创建活动草稿", null, null));
        for (int i = 0; i < 300; i++) {
            all.add(new AuditEntry(DAY.plusMinutes(i), "reviewer1", "下载 全县汇总表", null, null, true));
        }
        all.add(new AuditEntry(DAY.plusDays(2), "zyy-reporter", "报送第 1 版", "zyy", "填报并报送统计表"));
        all.add(new AuditEntry(DAY.plusDays(3), "reviewer1", "审核通过第 1 版", "zyy", "审核报送"));
        return all;
    }

    @Test
    void stateChangesAreListedWithoutTheDownloadsByDefault() {
        var page = AuditQuery.of(null, null, null, null, null, null, null).apply(buried());
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.entries()).extracting(AuditEntry::what).containsExactly("创建活动草稿", "报送第 1 版", "审核通过第 1 版");
    }

    @Test
    void downloadsComeOnePageAtATime() {
        var page = AuditQuery.of("downloads", null, null, null, null, 2, 100).apply(buried());
        assertThat(page.total()).isEqualTo(300);
        assertThat(page.entries()).hasSize(100).allMatch(AuditEntry::download);
        assertThat(AuditQuery.of("downloads", null, null, null, null, 3, 100).apply(buried()).entries()).isEmpty();
    }

    @Test
    void filtersByPersonUnitAndPeriodInclusive() {
        assertThat(AuditQuery.of("all", "reviewer1", "zyy", null, null, null, null).apply(buried()).entries())
                .extracting(AuditEntry::what).containsExactly("审核通过第 1 版");
        assertThat(AuditQuery.of("changes", null, null, "2026-03-12", "2026-03-12", null, null).apply(buried()).entries())
                .extracting(AuditEntry::what).containsExactly("报送第 1 版");
    }

    @Test
    void badParametersAreRefusedInChinese() {
        assertThatThrownBy(() -> AuditQuery.of("everything", null, null, null, null, null, null)).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("参数 kind 只能是");
        assertThatThrownBy(() -> AuditQuery.of(null, null, null, "2026-03-12", "2026-03-01", null, null))
                .hasMessage("截止日期不能早于起始日期");
        assertThatThrownBy(() -> AuditQuery.of(null, null, null, "3月1日", null, null, null)).hasMessage("起始日期应为形如 2026-03-20 的日期（年-月-日）");
        assertThatThrownBy(() -> AuditQuery.of(null, null, null, null, null, -1, null)).hasMessage("页码不能小于 0");
        assertThatThrownBy(() -> AuditQuery.of(null, null, null, null, null, null, 0)).hasMessage("每页条数应在 1～200 之间");
    }
}
