package cn.duban.report;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.CampaignTemplate.ActivityItem;
import cn.duban.campaign.CampaignTemplate.UnitSelector;
import cn.duban.unit.Units;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lead and cooperating units (seed 001): a cooperating unit sends the lead unit of an item its part of
 * the work; the lead sees what came in before it reports the item.
 */
@Service
@Transactional
public class ContributionService {

    /** A contribution received for an item a unit leads. */
    /** What a cooperating unit sent for an item, with the files it attached. */
    public record Contribution(long id, String itemCode, String fromUnit, String content, String submittedBy, LocalDateTime submittedAt,
                               List<AttachmentInfo> attachments) {}

    /** A cooperating unit that has not yet sent its part of an item the lead unit leads. */
    public record Missing(String itemCode, String unitCode, String unitName) {}

    private final CampaignService campaigns;
    private final Units units;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReportRepository reports;

    public ContributionService(CampaignService campaigns, Units units, JdbcClient jdbc, Clock clock, ReportRepository reports) {
        this.reports = reports;
        this.campaigns = campaigns;
        this.units = units;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Codes of the items on which the unit cooperates (and does not itself lead). */
    @Transactional(readOnly = true)
    public List<String> itemsToContribute(String campaignId, String unitCode) {
        Campaign c = campaign(campaignId);
        var unit = units.find(unitCode).orElseThrow();
        List<String> out = new ArrayList<>();
        for (ActivityItem item : c.template().items()) {
            if (cooperatesOn(item, unit)) {
                out.add(item.code());
            }
        }
        return out;
    }

    /** The one rule of who owes a lead a contribution: the item has cooperation, picks the unit to cooperate, not to lead. */
    static boolean cooperatesOn(ActivityItem item, cn.duban.unit.Unit unit) {
        return item.hasCooperation() && UnitSelector.picks(item.cooperating(), unit)
                && !UnitSelector.picks(item.lead(), unit);
    }

    /**
     * The items still to contribute: those not yet sent. The BPMN asks this each time the unit's work
     * starts, so after a return the contributions already sent are not asked for again.
     */
    @Transactional(readOnly = true)
    public List<String> pendingContributions(String campaignId, String unitCode) {
        List<String> sent = jdbc.sql("SELECT item_code FROM duban_contribution WHERE campaign_id = ? AND from_unit = ?")
                .params(campaignId, unitCode).query(String.class).list();
        return itemsToContribute(campaignId, unitCode).stream().filter(code -> !sent.contains(code)).toList();
    }

    /** Codes of the items the unit leads. */
    @Transactional(readOnly = true)
    public List<String> itemsLed(String campaignId, String unitCode) {
        Campaign c = campaign(campaignId);
        var unit = units.find(unitCode).orElseThrow();
        return c.template().items().stream()
                .filter(i -> i.lead() != null && i.lead().picks(unit))
                .map(ActivityItem::code).toList();
    }

    public void contribute(String campaignId, String itemCode, String fromUnit, String content, String actor) {
        Campaign c = campaign(campaignId);
        if (c.status() != CampaignStatus.ISSUED) {
            throw new ReportException("活动已截止，不再接收配合情况");
        }
        if (!itemsToContribute(campaignId, fromUnit).contains(itemCode)) {
            throw new ReportException("本单位不是第 " + itemCode + " 项的配合单位");
        }
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw new ReportException("请填写配合开展情况", java.util.Map.of("content", "必填"));
        }
        if (text.length() > ReportService.MAX_SUMMARY) {
            throw new ReportException("配合情况过长（最多 " + ReportService.MAX_SUMMARY + " 字）", java.util.Map.of("content", "过长"));
        }
        int done = jdbc.sql("SELECT COUNT(*) FROM duban_contribution WHERE campaign_id = ? AND item_code = ? AND from_unit = ?")
                .params(campaignId, itemCode, fromUnit).query(Integer.class).single();
        if (done > 0) {
            throw new ReportException("第 " + itemCode + " 项的配合情况已报送");
        }
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO duban_contribution (campaign_id, item_code, from_unit, content, submitted_by, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(campaignId, itemCode, fromUnit, text, actor, LocalDateTime.now(clock)).update(key, "id");
        // the files the unit staged for this item go with it to the lead
        reports.bindToContribution(campaignId, fromUnit, itemCode, key.getKeyAs(Number.class).longValue());
    }

    /** What cooperating units have sent for the items this unit leads. */
    @Transactional(readOnly = true)
    public List<Contribution> receivedBy(String campaignId, String leadUnit) {
        List<String> led = itemsLed(campaignId, leadUnit);
        if (led.isEmpty()) {
            return List.of();
        }
        List<Contribution> sent = jdbc.sql("""
                SELECT id, item_code, from_unit, content, submitted_by, submitted_at FROM duban_contribution
                WHERE campaign_id = :c AND item_code IN (:items) ORDER BY item_code, from_unit""")
                .param("c", campaignId).param("items", led)
                .query((rs, i) -> new Contribution(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDateTime.class), List.of())).list();
        var files = reports.contributionFiles(sent.stream().map(Contribution::id).toList());
        return sent.stream().map(c -> new Contribution(c.id(), c.itemCode(), c.fromUnit(), c.content(), c.submittedBy(), c.submittedAt(),
                files.getOrDefault(c.id(), List.of()))).toList();
    }

    /** Whether any of these units leads the item (and so may read what its cooperating units sent for it). */
    @Transactional(readOnly = true)
    public boolean anyLeads(String campaignId, String itemCode, List<String> unitCodes) {
        if (itemCode == null || unitCodes.isEmpty()) {
            return false;
        }
        Campaign c = campaign(campaignId);
        var rows = units.findAll(unitCodes);
        return c.template().items().stream().filter(i -> i.code().equals(itemCode) && i.lead() != null)
                .anyMatch(i -> rows.values().stream().anyMatch(u -> i.lead().picks(u)));
    }

    /** The files a unit has staged for its contributions not yet sent, by item. */
    @Transactional(readOnly = true)
    public java.util.Map<String, List<AttachmentInfo>> stagedFiles(String campaignId, String unitCode) {
        return reports.stagedForItems(campaignId, unitCode);
    }

    /**
     * For the lead: the campaign's cooperating units that have not yet sent their part of an item it leads, by item
     * and by name. Two queries and one read of the units, whatever their number.
     */
    @Transactional(readOnly = true)
    public List<Missing> missingFor(String campaignId, String leadUnit) {
        Campaign c = campaign(campaignId);
        var lead = units.find(leadUnit).orElseThrow();
        List<ActivityItem> led = c.template().items().stream()
                .filter(i -> i.hasCooperation() && i.lead().picks(lead)).toList();
        if (led.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> sent = new java.util.HashSet<>(jdbc.sql("""
                SELECT item_code || '|' || from_unit FROM duban_contribution WHERE campaign_id = :c AND item_code IN (:items)""")
                .param("c", campaignId).param("items", led.stream().map(ActivityItem::code).toList()).query(String.class).list());
        List<String> enrolled = reports.units(campaignId).stream().map(UnitReport::unitCode).filter(u -> !u.equals(leadUnit)).toList();
        var rows = units.findAll(enrolled);
        List<Missing> out = new ArrayList<>();
        for (ActivityItem item : led) {
            for (String code : enrolled) {
                var u = rows.get(code);
                if (u != null && cooperatesOn(item, u) && !sent.contains(item.code() + "|" + code)) {
                    out.add(new Missing(item.code(), code, u.name()));
                }
            }
        }
        return out;
    }

    private Campaign campaign(String id) {
        return campaigns.find(id).orElseThrow(() -> new ReportException("活动 " + id + " 不存在"));
    }
}
