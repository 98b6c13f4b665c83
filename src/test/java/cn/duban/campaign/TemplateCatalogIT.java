package cn.duban.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.EngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Uploaded templates are checked against the unit registry; the shipped ones cannot be replaced. */
@EngineTest
class TemplateCatalogIT {

    static final String BASE = """
            code: %s
            title: 关于开展食品安全宣传周活动的通知
            issuer: 某县卫生健康局
            section: 综合监督科
            noticeText: 各医疗卫生单位：……
            targets: %s
            deadline: {daysAfterIssue: 7}
            items:
              - {code: "1", title: 实验室开放日, appliesTo: {units: [%s]}}
            indicators:
              - {code: events, name: 宣传活动, unit: 场, type: integer}
            """;

    @Autowired TemplateCatalog catalog;

    @Test
    void aNewNoticeIsJustAFile() {
        catalog.upload(BASE.formatted("food-week", "{types: [township]}", "jkzx"), "drafter1");
        assertThat(catalog.list()).extracting(TemplateCatalog.Entry::code).contains("food-week", "yiyuan-health-2024-315", "xx-market-2023-315");
        assertThat(catalog.get("food-week").items()).hasSize(1);
    }

    @Test
    void unknownUnitsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> catalog.upload(BASE.formatted("bad-units", "{types: [township]}", "nosuchunit"), "drafter1"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("字段 items[0].appliesTo.units 含未登记或已停用的单位：nosuchunit");
        assertThatThrownBy(() -> catalog.upload(BASE.formatted("no-targets", "{types: [spaceport]}", "jkzx"), "drafter1"))
                .hasMessageContaining("字段 targets.types 含单位名册中没有的单位类型：spaceport");
        assertThat(catalog.find("bad-units")).isEmpty();
    }

    @Autowired CampaignService campaigns;

    @Test
    void anUploadOfTheSameCodeIsANewVersionAndACampaignKeepsTheOneItStartedWith() {
        String code = "versions-" + System.nanoTime();
        catalog.upload(BASE.formatted(code, "{types: [township]}", "jkzx"), "drafter1");
        Campaign first = campaigns.createDraft(code, java.time.LocalDate.now().plusDays(20), "drafter1");
        catalog.upload(BASE.formatted(code, "{types: [township]}", "jkzx").replace("实验室开放日", "实验室开放周"), "drafter1");
        assertThat(catalog.versionOf(code)).isEqualTo(2);
        assertThat(catalog.versions(code)).extracting(TemplateCatalog.Version::version).containsExactly(2, 1);
        assertThat(catalog.get(code).items().get(0).title()).isEqualTo("实验室开放周");
        assertThat(campaigns.get(first.id()).template().items().get(0).title()).as("the running campaign keeps v1").isEqualTo("实验室开放日");
        Campaign second = campaigns.createDraft(code, java.time.LocalDate.now().plusDays(20), "drafter1");
        assertThat(second.template().items().get(0).title()).isEqualTo("实验室开放周");
        assertThat(catalog.list()).filteredOn(e -> e.code().equals(code)).singleElement()
                .satisfies(e -> { assertThat(e.version()).isEqualTo(2); assertThat(e.campaigns()).isEqualTo(2); });
        assertThat(catalog.changes(10)).filteredOn(c -> c.code().equals(code)).extracting(TemplateCatalog.Change::detail)
                .containsExactly("上传新版本 第 2 版：关于开展食品安全宣传周活动的通知", "上传 第 1 版：关于开展食品安全宣传周活动的通知");
    }

    @Test
    void aRetiredTemplateLeavesTheStartFormAndOnlyAnUnusedUploadIsDeleted() {
        String code = "retire-" + System.nanoTime();
        catalog.upload(BASE.formatted(code, "{types: [township]}", "jkzx"), "drafter1");
        catalog.retire(code, true, "drafter1");
        assertThat(catalog.list()).extracting(TemplateCatalog.Entry::code).doesNotContain(code);
        assertThat(catalog.list(true)).filteredOn(e -> e.code().equals(code)).singleElement().satisfies(e -> assertThat(e.retired()).isTrue());
        assertThatThrownBy(() -> campaigns.createDraft(code, null, "drafter1")).hasMessage("模板“关于开展食品安全宣传周活动的通知”已停用，请选择其他模板");
        catalog.retire(code, false, "drafter1");
        campaigns.createDraft(code, java.time.LocalDate.now().plusDays(20), "drafter1");
        assertThatThrownBy(() -> catalog.delete(code, "drafter1")).hasMessageContaining("该模板已用于 1 个活动，不能删除，可以停用");
        assertThatThrownBy(() -> catalog.delete("yiyuan-health-2024-315", "drafter1")).hasMessageContaining("内置模板不能删除，可以停用");

        String unused = "unused-" + System.nanoTime();
        catalog.upload(BASE.formatted(unused, "{types: [township]}", "jkzx"), "drafter1");
        catalog.delete(unused, "drafter1");
        assertThat(catalog.find(unused)).isEmpty();
        assertThat(catalog.versions(unused)).isEmpty();
        assertThat(catalog.changes(5)).extracting(TemplateCatalog.Change::action).first().isEqualTo("DELETE");
    }

    @Test
    void aNewCampaignStartsAsACopyOfAnEarlierOneWithItsEditedNoticeAndANewNumber() {
        String code = "copy-" + System.nanoTime();
        catalog.upload(BASE.formatted(code, "{types: [township]}", "jkzx"), "drafter1");
        Campaign earlier = campaigns.createDraft(code, java.time.LocalDate.now().plusDays(20), "drafter1");
        campaigns.submitDraft(earlier.id(), new NoticeDraft("关于开展2026年食品安全宣传周活动的通知", "沂卫字〔2026〕3号",
                "各医疗卫生单位：今年的活动……", null));
        Campaign copy = campaigns.createDraft(CampaignService.COPY_PREFIX + earlier.id(), java.time.LocalDate.now().plusDays(30), "drafter1");
        assertThat(copy.title()).isEqualTo("关于开展2026年食品安全宣传周活动的通知");
        assertThat(copy.template().noticeText()).isEqualTo("各医疗卫生单位：今年的活动……");
        assertThat(copy.documentNumber()).as("a new notice gets its own 文号").isNull();
        assertThat(copy.template().indicators()).hasSize(1);
        assertThatThrownBy(() -> campaigns.createDraft(CampaignService.COPY_PREFIX + "C-nothing", null, "drafter1"))
                .hasMessageContaining("不存在");
    }

    @Test
    void aShippedTemplateCannotBeOverwritten() {
        assertThatThrownBy(() -> catalog.upload(BASE.formatted("yiyuan-health-2024-315", "{all: true}", "jkzx"), "drafter1"))
                .hasMessageContaining("与内置模板重复");
    }
}
