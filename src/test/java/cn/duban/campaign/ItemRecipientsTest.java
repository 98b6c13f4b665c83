package cn.duban.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate.ActivityItem;
import cn.duban.campaign.CampaignTemplate.UnitSelector;
import cn.duban.unit.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An item's units held against the notice's recipients (issue 30 §2: hidden 适用单位 sent items to the wrong units). */
class ItemRecipientsTest {

    static final List<Unit> REGISTRY = List.of(
            new Unit("rmyy", "沂源县人民医院", "hospital", null, null, null, null, true),
            new Unit("zyy", "沂源县中医医院", "hospital", null, null, null, null, true),
            new Unit("jkzx", "沂源县疾病预防控制中心", "cdc", null, null, null, null, true),
            new Unit("jdzfdd", "沂源县卫生健康监督执法大队", "enforcement", null, null, null, null, true),
            new Unit("lsjd", "沂源县历山街道社区卫生服务中心", "township", null, null, null, "jkzx", true));

    static UnitSelector units(String... codes) {
        return new UnitSelector(null, null, List.of(codes), null);
    }

    static CampaignTemplate notice(UnitSelector targets, ActivityItem... items) {
        return new CampaignTemplate("t", "关于开展活动的通知", null, "沂源县卫生健康局", "综合监督科", null, "各单位：", List.of(items), targets,
                null, null, null, null, false, null, null, null, null, null, null);
    }

    static ActivityItem item(UnitSelector appliesTo, UnitSelector lead, UnitSelector cooperating) {
        return new ActivityItem("1", null, "开展宣传咨询服务日活动", null, null, appliesTo, lead, cooperating);
    }

    @Test
    void aUnitNamedInAnItemButNotSentTheNoticeIsNamedAtTheItem() {
        var t = notice(units("rmyy", "zyy"), item(null, null, null), item(units("jkzx", "jdzfdd", "rmyy"), null, null));
        assertThat(ItemRecipients.problems(t, REGISTRY)).containsExactly(
                "字段 items[1].appliesTo 适用单位中的沂源县疾病预防控制中心、沂源县卫生健康监督执法大队不在报送对象中：请在“报送对象”中选上，或从适用单位中去掉");
        assertThat(TemplateParser.byField(ItemRecipients.problems(t, REGISTRY))).containsKey("items[1].appliesTo");
    }

    @Test
    void leadAndCooperatingUnitsAreRecipientsToo() {
        var t = notice(units("rmyy", "jkzx"), item(null, units("jkzx"), units("jdzfdd")));
        assertThat(ItemRecipients.problems(t, REGISTRY)).singleElement().asString()
                .startsWith("字段 items[0].cooperating 配合单位中的沂源县卫生健康监督执法大队不在报送对象中");
    }

    @Test
    void unitsPickedByTypeOrUnderAParentMeanThoseAmongTheRecipientsAndNoneAtAllIsAMistake() {
        UnitSelector hospitals = new UnitSelector(null, List.of("hospital"), null, null);
        UnitSelector enforcement = new UnitSelector(null, List.of("enforcement"), null, null);
        var t = notice(units("rmyy", "jkzx"), item(hospitals, null, null), item(enforcement, null, null));
        assertThat(ItemRecipients.problems(t, REGISTRY)).containsExactly(
                "字段 items[1].appliesTo 适用单位中没有一个是本通知的报送对象：请改选适用单位，或调整报送对象");
        UnitSelector underCdc = new UnitSelector(null, null, null, List.of("jkzx"));
        assertThat(ItemRecipients.problems(notice(units("rmyy"), item(underCdc, null, null)), REGISTRY)).singleElement().asString()
                .contains("适用单位中的沂源县历山街道社区卫生服务中心不在报送对象中");
    }

    @Test
    void itemsForEveryRecipientOrWithinThemPass() {
        var all = new UnitSelector(true, null, null, null);
        var t = notice(new UnitSelector(null, List.of("hospital", "cdc"), null, null),
                item(null, null, null), item(all, null, null), item(units("jkzx"), units("rmyy"), units("zyy")));
        assertThat(ItemRecipients.problems(t, REGISTRY)).isEmpty();
    }
}
