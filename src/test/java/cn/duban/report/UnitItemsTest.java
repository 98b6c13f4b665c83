package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.TemplateParser;
import cn.duban.unit.Unit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Which items of seed 001 each unit sees, as what, and with whom (no Spring: names come from a stand-in registry). */
class UnitItemsTest {

    static CampaignTemplate seed(String name) throws Exception {
        return TemplateParser.parse(new ClassPathResource("campaigns/" + name + ".yaml").getContentAsString(StandardCharsets.UTF_8));
    }

    static Unit unit(String code, String type) {
        return new Unit(code, code + "单位", type, null, null, null);
    }

    /** Every selector names units by code here: enough to see which names a line carries. */
    static List<String> names(CampaignTemplate.UnitSelector s) {
        return s.selectsAll() ? List.of("全部") : s.units().isEmpty() ? s.types().stream().map(t -> t + "甲").toList()
                : s.units().stream().map(u -> u + "单位").toList();
    }

    @Test
    void aMarketStationSeesTheItemsItLeadsOrCooperatesOnAndNotTheOthers() throws Exception {
        var items = UnitItems.items(seed("xx-market-2023-315").items(), unit("sjyyz", "market-station"), UnitItemsTest::names);
        assertThat(items).extracting(UnitItems.Item::code).containsExactly("2", "5", "8");
        assertThat(items).extracting(UnitItems.Item::roleLabel).containsExactly("牵头", "配合", "配合");
        assertThat(items.get(1).lead()).isEqualTo("sjxbw单位、sj12315单位");
    }

    @Test
    void aNamedLeadSeesItsItemsAsLead() throws Exception {
        var items = UnitItems.items(seed("xx-market-2023-315").items(), unit("sj12315", "market-center"), UnitItemsTest::names);
        assertThat(items).extracting(UnitItems.Item::code).containsExactly("1", "3", "4", "5", "6", "7");
        assertThat(items).allSatisfy(i -> assertThat(i.role()).isEqualTo(UnitItems.Role.LEAD));
    }

    @Test
    void itemsThatNameNobodyAreEveryUnitsAndTheRosterMarksTheUnitsRows() throws Exception {
        CampaignTemplate t = seed("yiyuan-health-2024-315");
        var items = UnitItems.items(t.items(), unit("zyy", "hospital"), UnitItemsTest::names);
        assertThat(items).hasSameSizeAs(t.items().stream().filter(i -> i.lead() == null && i.cooperating() == null
                && (i.appliesTo() == null || i.appliesTo().picks(new cn.duban.unit.Unit("zyy", "沂源县中医医院", "hospital", null, null, null)))).toList());
        var roster = UnitItems.roster(seed("xx-market-2023-315").dutyRoster(), unit("sj12315", "market-center"), UnitItemsTest::names);
        assertThat(roster).hasSize(2).allSatisfy(d -> assertThat(d.role()).isEqualTo(UnitItems.Role.LEAD));
        assertThat(roster.get(1).cooperating()).isEqualTo("sjbgs单位");
        assertThat(UnitItems.roster(seed("xx-market-2023-315").dutyRoster(), unit("sjbgs", "x"), UnitItemsTest::names))
                .extracting(UnitItems.Duty::roleLabel).containsExactly("", "配合");
    }

    @Test
    void aLongListOfUnitsIsCutWithItsCount() {
        assertThat(UnitItems.Names.of(List.of("一", "二", "三", "四", "五", "六", "七", "八")).text()).isEqualTo("一、二、三、四、五、六 等 8 个单位");
        assertThat(UnitItems.Names.of(List.of("一")).text()).isEqualTo("一");
    }
}
