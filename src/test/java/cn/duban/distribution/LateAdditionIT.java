package cn.duban.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.audit.AuditService;
import cn.duban.process.UnitReportProcess;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import cn.duban.unit.UnitAdmin;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 补发 (issue 30 §10): a unit added to the registry while a notice runs is sent it, with its own due date — its 签收
 * task due then, its mail, the audit saying who sent it and why; a unit already reached, a past date or a notice no
 * longer collecting is refused in Chinese.
 */
@EngineTest
class LateAdditionIT {

    @Autowired Driver driver;
    @Autowired LateAdditions additions;
    @Autowired UnitAdmin unitAdmin;
    @Autowired ReportService reports;
    @Autowired AuditService audit;

    @Test
    void aUnitAddedToTheRegistryWhileTheNoticeRunsIsSentItWithItsOwnDueDate() {
        driver.sectionPeople();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        String id = driver.issue(driver.startCampaign(t.code(), today.plusDays(10).toString()));
        String code = "xzyy" + System.nanoTime() % 10_000;
        unitAdmin.create(new UnitAdmin.UnitForm(code, "沂源县新区医院", "hospital", null, null, null, "韩梅", code + "-reporter", null),
                "operator");
        assertThat(additions.candidates(id)).anySatisfy(c -> {
            assertThat(c.code()).isEqualTo(code);
            assertThat(c.picked()).as("the notice's 报送对象 name two hospitals, not a type").isFalse();
        });
        assertThat(additions.candidates(id)).noneMatch(c -> c.code().equals("rmyy"));

        var added = additions.add(id, code, today.plusDays(20), "新成立的医院", "drafter1");
        assertThat(added.dueDate()).isEqualTo(today.plusDays(20));
        var unit = reports.unit(id, code);
        assertThat(unit.status()).isEqualTo(UnitStatus.NOT_SIGNED);
        assertThat(unit.dueDate()).isEqualTo(today.plusDays(20));
        var sign = driver.unitTask(id, code, UnitReportProcess.SIGN_NOTICE);
        assertThat(sign.getDueDate()).isNotNull();
        assertThat(additions.added(id)).singleElement().satisfies(a -> {
            assertThat(a.addedBy()).isEqualTo("drafter1");
            assertThat(a.reason()).isEqualTo("新成立的医院");
        });
        assertThat(audit.list(id, cn.duban.audit.AuditQuery.of(null, null, code, null, null, 0, 50)).entries())
                .anySatisfy(e -> assertThat(e.what()).startsWith("补发通知，报送期限 " + today.plusDays(20)));

        assertThatThrownBy(() -> additions.add(id, code, today.plusDays(20), null, "drafter1")).hasMessage("沂源县新区医院已在本通知的报送单位中，无需补发");
        assertThatThrownBy(() -> additions.add(id, "fybjy", today.minusDays(1), null, "drafter1"))
                .hasMessage("补发的报送期限 " + today.minusDays(1) + " 已过，请填写今天或以后的日期");
        assertThatThrownBy(() -> additions.add(id, "fybjy", null, null, "drafter1")).hasMessage("请填写补发单位的报送期限");
        assertThatThrownBy(() -> additions.add(id, "nowhere", today, null, "drafter1")).hasMessage("该单位不在单位名册中或已停用，不能补发");
    }
}
