package cn.duban.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.EngineTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The drafting form's two calls: what is built so far checked by the template language's rules (each problem under
 * its field), and the built notice handed on in place of the template's — its code kept — then saved as a template.
 */
@EngineTest
class DraftingIT {

    @Autowired Driver driver;
    @Autowired CampaignService campaigns;
    @Autowired TemplateCatalog catalog;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void whatIsBuiltIsCheckedFieldByFieldThenReplacesTheTemplatesPart() {
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        LocalDate due = LocalDate.now().plusDays(10);
        var p = driver.startCampaign(t.code(), due.toString());
        String id = (String) runtime.getVariable(p.getId(), "campaignId");
        CampaignTemplate original = campaigns.get(id).template();

        List<CampaignTemplate.ActivityItem> items = new ArrayList<>(original.items());
        items.add(new CampaignTemplate.ActivityItem("99", null, " ", "讲座", null, null,
                null, new CampaignTemplate.UnitSelector(null, null, List.of("rmyy"), null)));
        CampaignTemplate bad = with(original, items, new CampaignTemplate.UnitSelector(null, null, List.of("nowhere"), null));
        List<String> problems = campaigns.draftProblems(id, bad);
        assertThat(problems).contains("字段 items[" + (items.size() - 1) + "].title 必填",
                "字段 items[" + (items.size() - 1) + "].cooperating 须同时选定牵头单位");
        assertThat(TemplateParser.byField(problems)).containsEntry("items[" + (items.size() - 1) + "].title", "必填");
        // the registry is asked once the fields are right
        items.set(items.size() - 1, new CampaignTemplate.ActivityItem("99", null, "开展冬季健康知识讲座", "讲座", null, null, null, null));
        assertThat(campaigns.draftProblems(id, with(original, items, new CampaignTemplate.UnitSelector(null, null, List.of("nowhere"), null))))
                .anySatisfy(s -> assertThat(s).contains("nowhere"));
        assertThatThrownBy(() -> campaigns.submitDraft(id, new NoticeDraft("标题", null, null, due, bad)))
                .isInstanceOf(TemplateException.class).hasMessageContaining("items[" + (items.size() - 1) + "].title 必填");

        // the template's items for the CDC and the enforcement brigade: the notice now goes to the hospital alone
        CampaignTemplate narrowed = with(original, items, new CampaignTemplate.UnitSelector(null, null, List.of("rmyy"), null));
        var outside = TemplateParser.byField(campaigns.draftProblems(id, narrowed));
        assertThat(outside).containsOnlyKeys("items[1].appliesTo", "items[3].appliesTo", "items[6].appliesTo");
        assertThat(outside.get("items[1].appliesTo")).isEqualTo(
                "适用单位中的沂源县疾病预防控制中心、沂源县卫生健康监督执法大队不在报送对象中：请在“报送对象”中选上，或从适用单位中去掉");
        assertThat(outside.get("items[3].appliesTo")).isEqualTo("适用单位中没有一个是本通知的报送对象：请改选适用单位，或调整报送对象");
        assertThatThrownBy(() -> campaigns.submitDraft(id, new NoticeDraft("标题", null, null, due, narrowed)))
                .isInstanceOf(TemplateException.class).hasMessageContaining("items[1].appliesTo 适用单位中的");
        // the drafter sends it to those two as well
        CampaignTemplate good = with(original, items, new CampaignTemplate.UnitSelector(null, null, List.of("rmyy", "jkzx", "jdzfdd"), null));
        assertThat(campaigns.draftProblems(id, good)).isEmpty();
        // the deadline and the 文号 typed on the form, told at their fields too
        var typed = TemplateParser.byField(campaigns.draftProblems(id, good, LocalDate.of(2020, 1, 6), "第七号"));
        assertThat(typed.get("deadline")).isEqualTo("报送截止日期 2020-01-06 已过，请填写今天或以后的日期");
        assertThat(typed.get("documentNumber")).startsWith("发文字号“第七号”格式不对");
        // the date field cleared (按模板): the check and 办结 both hold the notice's own date, 2024-03-22, against today
        assertThat(TemplateParser.byField(campaigns.draftProblems(id, good, null, null)).get("deadline"))
                .isEqualTo("模板中的报送截止日期 2024-03-22 已过，请填写今天或以后的报送截止日期");
        assertThatThrownBy(() -> campaigns.submitDraft(id, new NoticeDraft("标题", null, null, null, good)))
                .hasMessage("模板中的报送截止日期 2024-03-22 已过，请填写今天或以后的报送截止日期");
        campaigns.submitDraft(id, new NoticeDraft("关于开展冬季健康宣传活动的通知", null, null, due, good));
        var c = campaigns.get(id);
        assertThat(c.template().code()).as("a campaign keeps the template it came from").isEqualTo(original.code());
        assertThat(c.title()).isEqualTo("关于开展冬季健康宣传活动的通知");
        assertThat(c.template().items()).extracting(CampaignTemplate.ActivityItem::title).endsWith("开展冬季健康知识讲座");
        assertThat(c.template().targets().units()).containsExactly("rmyy", "jkzx", "jdzfdd");

        // 另存为模板: kept for next year under its own code, without this year's 文号, versioned as an upload
        String next = "winter-health-" + System.nanoTime() % 100_000;
        CampaignTemplate saved = catalog.saveDraftAs(" " + next + " ", c.template().withDocumentNumber("沂卫字〔2026〕3号"), "drafter1");
        assertThat(saved.code()).isEqualTo(next);
        assertThat(catalog.get(next).items()).extracting(CampaignTemplate.ActivityItem::title).endsWith("开展冬季健康知识讲座");
        assertThat(catalog.get(next).documentNumber()).isNull();
        assertThat(catalog.versionOf(next)).isEqualTo(1);
        assertThatThrownBy(() -> catalog.saveDraftAs(next, null, "drafter1")).hasMessageContaining("没有收到要保存的通知内容");
        // the form asks no code: the template is named after its notice, and saved again it is the next version
        CampaignTemplate named = catalog.saveDraftAs(null, id, c.template(), "drafter1");
        assertThat(named.code()).isEqualTo("notice-" + id.toLowerCase(java.util.Locale.ROOT));
        catalog.saveDraftAs("", id, c.template(), "drafter1");
        assertThat(catalog.versionOf(named.code())).isEqualTo(2);
    }

    @Autowired NoticeDrafts drafts;

    /**
     * 起草通知 keeps its work on the server for the drafter alone: saved as typed (answered with the rules' verdict),
     * read back by that drafter and nobody else, gone when the notice is handed on, and refused after.
     */
    @Test
    void theDraftingFormsWorkIsKeptForTheDrafterAloneUntilItIsHandedOn() {
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/xx-market-2023-315.yaml", null);
        LocalDate due = LocalDate.now().plusDays(10);
        String id = (String) runtime.getVariable(driver.startCampaign(t.code(), due.toString()).getId(), "campaignId");
        CampaignTemplate original = campaigns.get(id).template();
        assertThat(drafts.find(id, "drafter1")).isEmpty();

        NoticeDraft typed = new NoticeDraft("关于开展2027年“3·15”活动的通知", null, "各科室：\n请按方案开展。", due, original.withNotice("", null, ""));
        var saved = drafts.save(id, typed, "drafter1");
        assertThat(saved.ready()).isFalse();
        assertThat(saved.fieldErrors()).containsKeys("title", "noticeText");
        var back = drafts.find(id, "drafter1").orElseThrow();
        assertThat(back.notice().title()).isEqualTo("关于开展2027年“3·15”活动的通知");
        assertThat(back.notice().deadline()).isEqualTo(due);
        assertThat(back.notice().template().items()).hasSameSizeAs(original.items());
        assertThat(back.savedAt()).isEqualTo(saved.savedAt());
        assertThat(drafts.find(id, "drafter2")).as("another drafter does not read it").isEmpty();
        // a second save replaces the first
        drafts.save(id, new NoticeDraft("关于开展2027年“3·15”活动的通知（二稿）", null, typed.noticeText(), due, original), "drafter1");
        assertThat(drafts.find(id, "drafter1").orElseThrow().notice().title()).endsWith("（二稿）");

        campaigns.submitDraft(id, new NoticeDraft("关于开展2027年“3·15”活动的通知", null, null, due, original));
        assertThat(drafts.find(id, "drafter1")).as("handed on: the draft is the notice now").isEmpty();
        assertThatThrownBy(() -> drafts.save(id, typed, "drafter1")).hasMessage("通知已送核稿，起草时的内容不再暂存；请刷新任务列表");
    }

    /** 已办 of the section: the drafter finds the notice handed on, the 科长 their 核稿, the leader their 签发. */
    @Test
    void theDraftersNoticeAndTheSectionHeadsAndLeadersDecisionsAreInTheir已办() {
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        String title = campaigns.get(id).title();
        assertThat(campaigns.workOf("drafter1", 200).drafted()).anySatisfy(d -> {
            assertThat(d.campaignId()).isEqualTo(id);
            assertThat(d.statusLabel()).isEqualTo("征集中");
            assertThat(d.draftedAt()).isNotNull();
        });
        assertThat(campaigns.workOf("head1", 200).decided()).anySatisfy(d -> {
            assertThat(d.title()).isEqualTo(title);
            assertThat(d.stageStep()).isEqualTo("科长核稿");
            assertThat(d.approved()).isTrue();
        });
        assertThat(campaigns.workOf("leader1", 200).decided()).extracting(CampaignService.Decided::campaignId, CampaignService.Decided::stageStep)
                .contains(org.assertj.core.groups.Tuple.tuple(id, "领导签发"));
        assertThat(campaigns.workOf("leader1", 200).drafted()).noneMatch(d -> d.campaignId().equals(id));
    }

    /** 空白通知: nothing inherited — no title, body, units, items, deadline or table; each told at its field. */
    @Test
    void aBlankNoticeInheritsNothingAndEachEmptyPartIsToldAtItsField() {
        driver.sectionPeople();
        var started = driver.startCampaign(CampaignService.BLANK, null);
        String id = (String) runtime.getVariable(started.getId(), "campaignId");
        Campaign c = campaigns.get(id);
        assertThat(c.title()).isEqualTo(CampaignService.BLANK_TITLE);
        CampaignTemplate t = c.template();
        assertThat(t.title()).isEmpty();
        assertThat(t.noticeText()).isEmpty();
        assertThat(t.items()).isEmpty();
        assertThat(t.deadline()).isNull();
        assertThat(t.hasTable()).isFalse();
        assertThat(c.deadlineOverride()).isNull();
        var problems = TemplateParser.byField(campaigns.draftProblems(id, t, null, null));
        assertThat(problems).containsKeys("title", "issuer", "section", "noticeText", "targets", "deadline");
        assertThat(problems.get("deadline")).isEqualTo("请填写报送截止日期");
    }

    private static CampaignTemplate with(CampaignTemplate t, List<CampaignTemplate.ActivityItem> items, CampaignTemplate.UnitSelector targets) {
        return new CampaignTemplate("ignored", t.title(), null, t.issuer(), t.section(), t.contact(), t.noticeText(), items, targets,
                t.deadline(), t.indicators(), t.attachments(), t.dutyRoster(), t.unitHeadApproval(), t.reminders(), t.tableTitle(),
                t.rules(), t.rollup(), t.table(), t.periodic());
    }
}
