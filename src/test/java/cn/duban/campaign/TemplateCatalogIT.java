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

    @Test
    void aShippedTemplateCannotBeOverwritten() {
        assertThatThrownBy(() -> catalog.upload(BASE.formatted("yiyuan-health-2024-315", "{all: true}", "jkzx"), "drafter1"))
                .hasMessageContaining("与内置模板重复");
    }
}
