package cn.duban.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The circular's mail to a unit, without Spring: the unit told when it is among the late, a long circular cut. */
class MailTemplatesTest {

    @Test
    void aLateUnitIsToldSoInTheSubjectAndTheText() {
        var late = MailTemplates.circularIssued("关于…的通报（第1期）", "沂源县卫生健康局", "沂源县中医医院", true, "通报全文", "http://duban/tasklist");
        assertThat(late.subject()).isEqualTo("【督办】督办通报：关于…的通报（第1期）（你单位逾期未报）");
        assertThat(late.text()).startsWith("沂源县中医医院：").contains("你单位在本通报中列为逾期未报单位").contains("通报全文")
                .contains("http://duban/tasklist");
        var onTime = MailTemplates.circularIssued("关于…的通报（第1期）", "沂源县卫生健康局", "沂源县人民医院", false, "通报全文", "http://duban/tasklist");
        assertThat(onTime.subject()).doesNotContain("逾期");
        assertThat(onTime.text()).doesNotContain("逾期未报单位");
    }

    @Test
    void aLongCircularIsCutAndTheRestIsReadInDuban() {
        String text = "甲".repeat(MailTemplates.MAX_CIRCULAR_TEXT + 500);
        var mail = MailTemplates.circularIssued("通报", "县局", "某单位", false, text, "http://duban/tasklist");
        assertThat(mail.text()).contains("甲".repeat(MailTemplates.MAX_CIRCULAR_TEXT) + "……").doesNotContain("甲".repeat(MailTemplates.MAX_CIRCULAR_TEXT + 1))
                .contains("全文较长，请登录督办系统阅读");
        assertThat(mail.html()).contains("全文较长");
    }

    @Test
    void theDigestGreetsTheNoticesOwnOfficeAndAReturnSaysWhoReturnedIt() {
        var digest = MailTemplates.digest("特种设备安全监察股", "电梯安全排查", java.time.LocalDate.of(2026, 12, 23),
                java.time.LocalDate.of(2026, 12, 24), java.util.List.of("县市场监管局新城所"), "http://duban/tasklist");
        assertThat(digest.text()).startsWith("特种设备安全监察股：").doesNotContain("综合监督科");
        var returned = MailTemplates.reportReturned("爱国卫生月", "某乡镇卫生院", "沂源县疾病预防控制中心", "请附活动台账",
                java.time.LocalDate.of(2026, 12, 30), "http://duban/tasklist");
        assertThat(returned.text()).contains("材料被沂源县疾病预防控制中心退回修改").contains("请附活动台账").doesNotContain("综合监督科");
    }
}
