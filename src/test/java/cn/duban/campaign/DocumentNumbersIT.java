package cn.duban.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.EngineTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 发文字号: written the standard way, suggested per issuer and year, never given to two notices. */
@EngineTest
class DocumentNumbersIT {

    @Autowired Driver driver;
    @Autowired CampaignService campaigns;
    @Autowired DocumentNumbers numbers;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void aNumberGoesToOneNoticeOnlyAndTheNextIsSuggested() {
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy]");
        LocalDate due = LocalDate.now().plusDays(10);
        String deadline = due.toString();
        String first = campaignId(driver.startCampaign(t.code(), deadline));
        String second = campaignId(driver.startCampaign(t.code(), deadline));
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        String prefix = "沂卫监" + (System.nanoTime() % 1000) + "字";

        campaigns.submitDraft(first, new NoticeDraft("关于开展活动的通知", prefix + "[" + year + "]07号", null, due));
        assertThat(campaigns.get(first).documentNumber()).as("written the standard way").isEqualTo(prefix + "〔" + year + "〕7号");
        assertThatThrownBy(() -> campaigns.submitDraft(second, new NoticeDraft("关于开展另一活动的通知", prefix + "〔" + year + "〕7号", null, due)))
                .hasMessage("发文字号“" + prefix + "〔" + year + "〕7号”已用于《关于开展活动的通知》，请改用其他文号（如“" + prefix + "〔" + year + "〕8号”）");
        // a look-alike with a zero-width space and a right-to-left override is the same number (issue 27 item 15)
        assertThatThrownBy(() -> campaigns.submitDraft(second, new NoticeDraft(null, "\u202E" + prefix + "\u200B〔" + year + "〕\u00A07号", null, due)))
                .hasMessageStartingWith("发文字号“" + prefix + "〔" + year + "〕7号”已用于《关于开展活动的通知》");
        assertThat(campaigns.draftProblems(second, campaigns.get(second).template(), due, prefix + "\uFEFF〔" + year + "〕7号"))
                .anySatisfy(p -> assertThat(p).contains("已用于《关于开展活动的通知》"));
        assertThatThrownBy(() -> campaigns.submitDraft(second, new NoticeDraft(null, "第七号", null, due)))
                .hasMessageContaining("格式不对，应形如");
        assertThat(numbers.suggestion(t.issuer())).hasValueSatisfying(n -> assertThat(n.toString()).isEqualTo(prefix + "〔" + year + "〕8号"));
        campaigns.submitDraft(second, new NoticeDraft(null, prefix + "〔" + year + "〕8号", null, due));
        assertThat(campaigns.get(second).documentNumber()).isEqualTo(prefix + "〔" + year + "〕8号");
    }

    private String campaignId(org.camunda.bpm.engine.runtime.ProcessInstance p) {
        return (String) runtime.getVariable(p.getId(), "campaignId");
    }
}
