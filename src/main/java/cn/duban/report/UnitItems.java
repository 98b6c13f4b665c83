package cn.duban.report;

import cn.duban.campaign.CampaignTemplate.ActivityItem;
import cn.duban.campaign.CampaignTemplate.DutyEntry;
import cn.duban.campaign.CampaignTemplate.UnitSelector;
import cn.duban.unit.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which parts of a notice concern one unit, and how (issue #16: each unit sees its part). An item names the units
 * it applies to, or its lead and cooperating units, or nobody (then it is every unit's): a unit sees the items it
 * leads, those it cooperates on (with who leads them) and those addressed to every unit, not the others; the
 * duty roster whole, its own rows marked. Pure: tested without Spring (UnitItemsTest).
 */
public final class UnitItems {

    /** How many unit names a line shows before "等 N 个单位". */
    static final int NAMES_SHOWN = 6;

    private UnitItems() {}

    public enum Role {
        LEAD("牵头"), COOPERATE("配合"), ALL("各单位");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The units a selector picks, by name, as a line shows them: a few names, and how many in all. */
    public record Names(List<String> shown, int count) {

        static Names of(List<String> all) {
            return new Names(all.size() > NAMES_SHOWN ? all.subList(0, NAMES_SHOWN) : all, all.size());
        }

        /** "县12315、县消保委" or "沂源镇市场监管所、… 等 12 个单位". */
        public String text() {
            String s = String.join("、", shown);
            return count > shown.size() ? s + " 等 " + count + " 个单位" : s;
        }
    }

    public record Item(String code, String group, String title, String dates, String text, Role role, String roleLabel,
                       String lead, String cooperating) {}

    public record Duty(String period, String duty, Role role, String roleLabel, String lead, String cooperating) {}

    /** Whether the item concerns the unit, and its role in it (null: it does not). */
    static Role roleIn(ActivityItem i, Unit u) {
        if (i.lead() != null && i.lead().picks(u)) {
            return Role.LEAD;
        }
        if (i.cooperating() != null && i.cooperating().picks(u)) {
            return Role.COOPERATE;
        }
        if (i.appliesTo() != null) {
            return i.appliesTo().picks(u) ? Role.ALL : null;
        }
        // an item that names its lead (or cooperating) units is theirs; one that names nobody is every unit's
        return i.lead() == null && i.cooperating() == null ? Role.ALL : null;
    }

    /** The items that concern the unit, in the notice's order, each with its role and who leads and cooperates. */
    public static List<Item> items(List<ActivityItem> items, Unit u, Function<UnitSelector, List<String>> names) {
        List<Item> out = new ArrayList<>();
        for (ActivityItem i : items) {
            Role role = roleIn(i, u);
            if (role != null) {
                out.add(new Item(i.code(), i.group(), i.title(), i.dates(), i.text(), role, role.label(),
                        text(i.lead(), names), text(i.cooperating(), names)));
            }
        }
        return out;
    }

    /** The duty roster, every row, the unit's own marked with its role. */
    public static List<Duty> roster(List<DutyEntry> roster, Unit u, Function<UnitSelector, List<String>> names) {
        List<Duty> out = new ArrayList<>();
        for (DutyEntry d : roster) {
            Role role = d.lead() != null && d.lead().picks(u) ? Role.LEAD
                    : d.cooperating() != null && d.cooperating().picks(u) ? Role.COOPERATE : null;
            out.add(new Duty(d.period(), d.duty(), role, role == null ? "" : role.label(), text(d.lead(), names),
                    text(d.cooperating(), names)));
        }
        return out;
    }

    private static String text(UnitSelector s, Function<UnitSelector, List<String>> names) {
        return s == null ? "" : Names.of(names.apply(s)).text();
    }
}
