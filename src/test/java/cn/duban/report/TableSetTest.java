package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.TemplateException;
import cn.duban.campaign.TemplateParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Issue #28 §2: a notice with several forms — each checked on its own, linked where one names another's rows. */
class TableSetTest {

    static String source() throws IOException {
        return new ClassPathResource("campaigns/county-medical-buildings-safety.yaml").getContentAsString(StandardCharsets.UTF_8);
    }

    static CampaignTemplate template() throws IOException {
        return TemplateParser.parse(source());
    }

    static Map<String, String> twoBuildingsOneHazard() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("buildings:1.name", "门诊楼");
        v.put("buildings:1.built", "1998");
        v.put("buildings:1.floors", "地上5层，地下1层");
        v.put("buildings:1.area", "8200.5");
        v.put("buildings:1.structure", "框架结构");
        v.put("buildings:2.name", "后勤楼");
        v.put("buildings:2.built", "1985");
        v.put("buildings:2.floors", "地上3层");
        v.put("buildings:2.area", "1200");
        v.put("buildings:2.structure", "砖混结构");
        v.put("hazards:1.building", "后勤楼");
        v.put("hazards:1.hazard", "二层外墙开裂");
        v.put("hazards:1.level", "一般隐患");
        v.put("hazards:1.funds", "12.5");
        v.put("hazards:1.status", "整改中");
        return v;
    }

    @Test
    void aNoticeCarriesItsFormsInOrderEachWithItsOwnCellsAndTotals() throws IOException {
        CampaignTemplate t = template();
        assertThat(t.severalTables()).isTrue();
        assertThat(t.allTables()).extracting(CampaignTemplate.StatTable::code).containsExactly("buildings", "hazards");
        assertThat(t.titleOf(t.allTables().get(1))).isEqualTo("房屋建筑安全隐患排查整治台账");

        var checked = TableSet.check(t, x -> List.of(), twoBuildingsOneHazard());
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.numbers()).containsEntry("buildings:_total.area", new BigDecimal("9400.50"))
                .containsEntry("hazards:_total.funds", new BigDecimal("12.50"))
                .doesNotContainKey("_total.area");
        assertThat(checked.texts()).containsEntry("hazards:1.building", "后勤楼").containsEntry("buildings:2.floors", "地上3层");
        assertThat(TableSet.totals(t.allTables(), checked.numbers())).containsEntry("hazards:_total.funds", new BigDecimal("12.50"));
        assertThat(TableSet.cellsOf(t.allTables().get(1), checked.numbers())).containsOnlyKeys("1.funds", "_total.funds");
    }

    @Test
    void aHazardMustNameABuildingTheUnitListedAndEveryMistakeIsHeadedByItsForm() throws IOException {
        CampaignTemplate t = template();
        Map<String, String> v = twoBuildingsOneHazard();
        v.put("hazards:1.building", "住院楼");
        v.put("buildings:2.area", "0");
        v.put("hazards:2.hazard", "消防通道堆放杂物");
        v.put("elsewhere:1.x", "1");
        var checked = TableSet.check(t, x -> List.of(), v);
        assertThat(checked.problems()).contains(
                "附件2“房屋建筑安全隐患排查整治台账”：第 1 行“建筑名称”“住院楼”不在附件1“医疗机构房屋建筑基本情况清单”的“建筑名称”中",
                "附件2“房屋建筑安全隐患排查整治台账”：第 2 行“建筑名称”必填",
                "统计表中没有这一格：elsewhere:1.x");
        assertThat(checked.fieldErrors()).containsEntry("hazards:1.building", "须为附件1“医疗机构房屋建筑基本情况清单”中已填的建筑名称")
                .containsEntry("hazards:2.building", "必填");
        assertThat(checked.breaches()).extracting(b -> b.message())
                .contains("附件1“医疗机构房屋建筑基本情况清单”：第 2 行：建筑面积须大于 0");
        assertThat(checked.numbers()).as("nothing kept of a refused report").isEmpty();
    }

    @Test
    void aUnitWithoutHazardsHandsInAnEmptyLedger() throws IOException {
        Map<String, String> v = new LinkedHashMap<>(twoBuildingsOneHazard());
        v.keySet().removeIf(k -> k.startsWith("hazards:"));
        var checked = TableSet.check(template(), x -> List.of(), v);
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.numbers()).containsEntry("hazards:_total.funds", new BigDecimal("0.00"));
    }

    @Test
    void aTemplateWithSeveralFormsNamesEveryMistakeInThem() throws IOException {
        String bad = source()
                .replace("from: buildings.name", "from: rooms.name")
                .replace("  - code: hazards\n", "  - code: buildings\n")
                .replace("    title: 房屋建筑安全隐患排查整治台账\n", "")
                + "rules:\n  - {check: \"[funds] >= 0\", message: 资金不能为负}\n";
        assertThatThrownBy(() -> TemplateParser.parse(bad)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("字段 tables[1].code 重复：buildings")
                .hasMessageContaining("字段 tables[1].title 必填")
                .hasMessageContaining("字段 tables[1].columns[0].from 应形如 buildings.name")
                .hasMessageContaining("有多张表时，规则写在各表的 rules 中");
        String both = source().replace("tables:\n", "table: {rows: {added: {}}, columns: [{code: a, name: 甲, type: integer}]}\ntables:\n");
        assertThatThrownBy(() -> TemplateParser.parse(both)).hasMessageContaining("字段 table 与 tables 只能给出其一");
        String fromOutside = source().replace("tables:\n  - code: buildings", "tables:\n  - code: buildings")
                .replace("{code: structure, name: 结构类型, type: choice, options: [框架结构, 砖混结构, 钢结构, 其他], required: true}",
                        "{code: structure, name: 结构类型, type: text, from: hazards.hazard}");
        assertThatThrownBy(() -> TemplateParser.parse(fromOutside)).hasMessageContaining("字段 tables[0].columns[4].from 只用于多张表中的 choice 列");
    }
}
