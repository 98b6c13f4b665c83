package cn.duban.campaign;

import cn.duban.campaign.CampaignTemplate.ActivityItem;
import cn.duban.campaign.CampaignTemplate.UnitSelector;
import cn.duban.unit.Unit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An item reaches only units the notice is sent to: an item's 适用单位, 牵头单位 and 配合单位 are held against the
 * notice's 报送对象, so that no item is written for a unit that never receives the notice (an item copied from a
 * template keeps the template's units). A unit named in an item but not among the recipients, or an item whose units
 * are none of the recipients, is a problem at the item's field ({@code 字段 items[1].appliesTo …}), in the words the
 * drafting form uses. Pure: the registry's active units are given.
 */
final class ItemRecipients {

    private ItemRecipients() {}

    private static final Map<String, String> PARTS = Map.of("appliesTo", "适用单位", "lead", "牵头单位", "cooperating", "配合单位");

    static List<String> problems(CampaignTemplate t, List<Unit> active) {
        if (t.targets() == null) {
            return List.of();
        }
        Set<String> recipients = active.stream().filter(t.targets()::picks).map(Unit::code).collect(Collectors.toSet());
        if (recipients.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = active.stream().collect(Collectors.toMap(Unit::code, Unit::name, (a, b) -> a));
        List<String> p = new ArrayList<>();
        for (int i = 0; i < t.items().size(); i++) {
            ActivityItem item = t.items().get(i);
            if (item == null) {
                continue;
            }
            check(p, "items[" + i + "].appliesTo", item.appliesTo(), recipients, names, active);
            check(p, "items[" + i + "].lead", item.lead(), recipients, names, active);
            check(p, "items[" + i + "].cooperating", item.cooperating(), recipients, names, active);
        }
        return p;
    }

    private static void check(List<String> p, String field, UnitSelector s, Set<String> recipients, Map<String, String> names,
                              List<Unit> active) {
        if (s == null || s.isEmpty() || s.selectsAll()) {
            return;
        }
        String part = PARTS.get(field.substring(field.lastIndexOf('.') + 1));
        Function<String, String> name = code -> names.getOrDefault(code, code);
        // a unit named by name is meant: it must be a recipient
        Set<String> outside = new LinkedHashSet<>();
        s.units().stream().filter(u -> names.containsKey(u) && !recipients.contains(u)).forEach(outside::add);
        s.childrenOf().stream().filter(u -> names.containsKey(u)).forEach(parent -> active.stream()
                .filter(u -> parent.equals(u.parentCode()) && !recipients.contains(u.code())).forEach(u -> outside.add(u.code())));
        if (!outside.isEmpty()) {
            p.add("字段 " + field + " " + part + "中的" + outside.stream().map(name).collect(Collectors.joining("、"))
                    + "不在报送对象中：请在“报送对象”中选上，或从" + part + "中去掉");
            return;
        }
        // units picked by type (or under a parent): those among the recipients are meant; none at all is a mistake
        if (active.stream().noneMatch(u -> s.picks(u) && recipients.contains(u.code()))) {
            p.add("字段 " + field + " " + part + "中没有一个是本通知的报送对象：请改选" + part + "，或调整报送对象");
        }
    }
}
