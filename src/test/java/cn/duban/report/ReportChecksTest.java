package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.TemplateParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The one set of rules a report must pass (seed 000's template), without Spring: what the form is told, field by field. */
class ReportChecksTest {

    static CampaignTemplate template;

    @BeforeAll
    static void seed() throws Exception {
        template = TemplateParser.parse(new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml").getContentAsString(StandardCharsets.UTF_8));
    }

    static Map<String, String> figures() {
        Map<String, String> v = new HashMap<>();
        for (int i = 1; i <= 11; i++) {
            v.put(String.valueOf(i), "1");
        }
        return v;
    }

    static AttachmentInfo file(String kind) {
        return new AttachmentInfo(1, null, kind, "a", "application/pdf", 1, "x", "u", LocalDateTime.now());
    }

    static final List<AttachmentInfo> BOTH = List.of(file(AttachmentService.SUMMARY), file(AttachmentService.PHOTO));

    @Test
    void aCompleteReportPassesWithItsFiguresAndSubtotals() {
        ReportChecks.Result r = ReportChecks.check(template, new ReportPayload(figures(), "总结", null, List.of()), BOTH, List.of());
        assertThat(r.passes()).isTrue();
        assertThat(r.figures()).hasSize(11).containsEntry("7", new java.math.BigDecimal("1.00"));
        assertThat(r.fieldErrors()).isEmpty();
    }

    /** Issue #28 §9: a hard rule is told while another figure is still wrong; a rule naming the wrong figure waits. */
    @Test
    void aHardRuleIsToldBesideAWrongFigure() throws Exception {
        CampaignTemplate hard = TemplateParser.parse(new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml")
                .getContentAsString(StandardCharsets.UTF_8).replaceFirst("(?ms)^rules:\\n(  .*?\\n)+", "rules:\n"
                        + "  - {check: \"[6] <= [5]\", message: 解决纠纷不能多于受理投诉, hard: true}\n"
                        + "  - {check: \"[3] <= [1]\", message: 不会被判断, hard: true}\n"));
        Map<String, String> v = figures();
        v.put("5", "2");
        v.put("6", "9");
        v.put("3", "三");
        ReportChecks.Result r = ReportChecks.check(hard, new ReportPayload(v, "总结", null, List.of()), BOTH, List.of());
        assertThat(r.problems()).contains("解决纠纷不能多于受理投诉").noneMatch(p -> p.contains("不会被判断"));
        assertThat(r.fieldErrors()).containsEntry("3", "不是数字");
    }

    /** Issue #28 §6: a 零报告 where the notice allows it — a statement, zeros for every figure, no file asked. */
    @Test
    void aZeroReportIsAStatementWithZerosAndNoFilesWhereTheNoticeAllowsIt() throws Exception {
        CampaignTemplate zeroAllowed = TemplateParser.parse(new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml")
                .getContentAsString(StandardCharsets.UTF_8) + "\nzeroReport: true\n");
        ReportPayload zero = new ReportPayload(Map.of(), "经排查，本单位无相关活动，特此零报告", null, List.of(), true);
        ReportChecks.Result r = ReportChecks.check(zeroAllowed, zero, List.of(), List.of());
        assertThat(r.passes()).isTrue();
        assertThat(r.figures()).hasSize(11).allSatisfy((code, v) -> assertThat(v).isZero());
        ReportChecks.Result silent = ReportChecks.check(zeroAllowed, new ReportPayload(Map.of(), " ", null, List.of(), true), List.of(), List.of());
        assertThat(silent.fieldErrors()).containsEntry("summary", "请写明零报告的情况");
        ReportChecks.Result notAllowed = ReportChecks.check(template, zero, List.of(), List.of());
        assertThat(notAllowed.fieldErrors()).containsEntry("zeroReport", "本通知不接受零报告");
        assertThat(notAllowed.figures()).isEmpty();
    }

    @Test
    void everyProblemIsToldAtOnceEachAtItsField() {
        Map<String, String> v = figures();
        v.put("3", "三");
        v.remove("4");
        ReportChecks.Result r = ReportChecks.check(template, new ReportPayload(v, "  ", null, List.of()), List.of(), List.of());
        assertThat(r.passes()).isFalse();
        assertThat(r.fieldErrors()).containsEntry("3", "不是数字").containsEntry("4", "必填，没有请填 0")
                .containsEntry("summaryFile", "必传，请上传总结文档").containsEntry("summary", "请填写活动总结（或上传总结文档）")
                .containsEntry("photos", "至少 1 张，现有 0 张");
        assertThat(r.problems()).hasSize(5).allSatisfy(p -> assertThat(p).doesNotContain("ENGINE").doesNotStartWith("报送未通过校验"));
        // the kinds named as their fields name them
        assertThat(r.problems()).contains("请上传“总结文档”", "至少需要 1 张“活动图片”，现有 0 张");
    }

    @Test
    void aHardRuleSays必须修改AtTheFigureItIsAboutAndIsNoWarningToExplain() {
        CampaignTemplate hard = new CampaignTemplate(template.code(), template.title(), null, template.issuer(), template.section(),
                template.contact(), template.noticeText(), template.items(), template.targets(), template.deadline(), template.indicators(),
                template.attachments(), template.dutyRoster(), false, template.reminders(), template.tableTitle(),
                List.of(new CampaignTemplate.Rule(null, "[6] <= [5]", "解决消费纠纷件数不应多于受理消费者投诉件数", true)), null, null, null);
        Map<String, String> v = figures();
        v.put("6", "5");
        ReportChecks.Result r = ReportChecks.check(hard, new ReportPayload(v, "总结", null, List.of()), BOTH, List.of());
        assertThat(r.passes()).isFalse();
        assertThat(r.fieldErrors()).containsEntry("6", "必须修改：解决消费纠纷件数不应多于受理消费者投诉件数").doesNotContainKey("note");
        assertThat(r.noteRequired()).isFalse();
        assertThat(r.problems()).containsExactly("解决消费纠纷件数不应多于受理消费者投诉件数");
    }

    @Test
    void aWarningMakesTheNoteRequiredAndAnExplanationSatisfiesIt() {
        Map<String, String> v = figures();
        v.put("6", "5");
        ReportChecks.Result unexplained = ReportChecks.check(template, new ReportPayload(v, "总结", " ", List.of()), BOTH, List.of());
        assertThat(unexplained.noteRequired()).isTrue();
        assertThat(unexplained.fieldErrors()).containsOnlyKeys("note");
        assertThat(unexplained.breaches()).singleElement().satisfies(b -> assertThat(b.hard()).isFalse());
        ReportChecks.Result explained = ReportChecks.check(template, new ReportPayload(v, "总结", "含往年投诉", List.of()), BOTH, List.of());
        assertThat(explained.passes()).isTrue();
        assertThat(explained.noteRequired()).isTrue();
    }

    @Test
    void tooManyPhotosAndTooLongTextsAreRefusedWithTheLimit() {
        List<AttachmentInfo> many = new java.util.ArrayList<>(List.of(file(AttachmentService.SUMMARY)));
        for (int i = 0; i < 21; i++) {
            many.add(file(AttachmentService.PHOTO));
        }
        ReportChecks.Result r = ReportChecks.check(template,
                new ReportPayload(figures(), "字".repeat(ReportChecks.MAX_SUMMARY + 1), "字".repeat(ReportChecks.MAX_NOTE + 1), List.of()), many, List.of());
        assertThat(r.fieldErrors()).containsEntry("photos", "最多 20 张，现有 21 张")
                .containsEntry("summary", "过长，最多 100000 字").containsEntry("note", "过长，最多 2000 字");
    }
}
