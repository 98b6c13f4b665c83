package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.campaign.CampaignService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Seed 000's rules at hand-in: a warning the unit must explain in its note, shown to the reviewer beside the figures. */
@EngineTest
class FigureRulesIT {

    @Autowired Driver driver;
    @Autowired ReportService reports;
    @Autowired CampaignService campaigns;

    @Test
    void aWarningNeedsAnExplanationAndTheReviewerSeesIt() {
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [zzz]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(9).toString()));
        driver.sign(id, "zzz");
        driver.stage(id, "zzz", true, true);
        Map<String, String> figures = Driver.seed000Figures("2");
        figures.put("5", "1");
        figures.put("6", "3");
        assertThat(reports.checkFigures(id, null, figures).get("breaches")).asList().hasSize(1);
        assertThatThrownBy(() -> driver.handIn(id, "zzz", figures, List.of()))
                .hasMessageContaining("请在“说明”中解释：解决消费纠纷件数不应多于受理消费者投诉件数");
        assertThat(reports.versions(id, "zzz")).isEmpty();
        driver.handIn(id, "zzz", figures, List.of(), "另有2件为上年投诉本期解决");
        ReportVersion v = reports.versions(id, "zzz").get(0);
        assertThat(v.note()).isEqualTo("另有2件为上年投诉本期解决");
        assertThat(reports.breaches(campaigns.get(id), v)).extracting(b -> b.message())
                .containsExactly("解决消费纠纷件数不应多于受理消费者投诉件数");
    }
}
