package cn.duban.reminder;

import cn.duban.support.DubanProperties;
import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.mail.MailTemplates;
import cn.duban.mail.Outbox;
import cn.duban.mail.TasklistLinks;
import cn.duban.report.ReportException;
import cn.duban.report.ReportService;
import cn.duban.report.UnitReport;
import cn.duban.support.Dates;
import cn.duban.unit.Unit;
import cn.duban.unit.Units;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 催办: a reviewer urges one unit, several, or every late one, with a note; nobody twice within the interval. */
@Service
@Transactional
public class UrgeService {

    /** What an urge did: the units urged, and those skipped with the reason. */
    /**
     * What an urge did: the units urged and those skipped with why (by code), each unit's name, and one sentence
     * saying it all in Chinese with names, for the page.
     */
    public record Result(List<String> urged, Map<String, String> skipped, Map<String, String> unitNames, String message) {

        public Result(List<String> urged, Map<String, String> skipped) {
            this(urged, skipped, Map.of(), summary(urged, skipped, Map.of()));
        }

        static String summary(List<String> urged, Map<String, String> skipped, Map<String, String> names) {
            if (urged.isEmpty() && skipped.isEmpty()) {
                return "没有需要催办的单位：逾期未报的单位为零（尚未到期的单位可在列表中单独催办）";
            }
            StringBuilder s = new StringBuilder(urged.isEmpty() ? "未催办任何单位" : "已催办 " + urged.size() + " 个单位："
                    + String.join("、", urged.stream().map(u -> names.getOrDefault(u, u)).toList()));
            skipped.forEach((u, why) -> s.append("\n").append(names.getOrDefault(u, u)).append("：").append(why));
            return s.toString();
        }
    }

    /** One urge as the unit reads it on its open task: when, by whom (an account; the page shows the name), and the note. */
    public record Urge(java.time.LocalDateTime urgedAt, String urgedBy, String note) {}

    /** The urges a unit received in a campaign, newest first. */
    @Transactional(readOnly = true)
    public List<Urge> urgesOf(String campaignId, String unitCode) {
        return jdbc.sql("SELECT urged_at, urged_by, note FROM duban_urge WHERE campaign_id = ? AND unit_code = ? ORDER BY urged_at DESC")
                .params(campaignId, unitCode).query(Urge.class).list();
    }

    private final CampaignService campaigns;
    private final ReportService reports;
    private final Units units;
    private final ReminderService reminders;
    private final TasklistLinks links;
    private final cn.duban.identity.People people;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration minInterval;

    @org.springframework.beans.factory.annotation.Autowired
    public UrgeService(CampaignService campaigns, ReportService reports, Units units, ReminderService reminders,
                       TasklistLinks links, cn.duban.identity.People people, Outbox outbox, JdbcClient jdbc, Clock clock,
                       DubanProperties settings) {
        this(campaigns, reports, units, reminders, links, people, outbox, jdbc, clock, settings.urge().minInterval());
    }

    public UrgeService(CampaignService campaigns, ReportService reports, Units units, ReminderService reminders,
                       TasklistLinks links, cn.duban.identity.People people,
                       Outbox outbox, JdbcClient jdbc, Clock clock, Duration minInterval) {
        this.people = people;
        this.campaigns = campaigns;
        this.reports = reports;
        this.units = units;
        this.reminders = reminders;
        this.links = links;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.minInterval = minInterval;
    }

    /** Urges the given units, or every late unit when {@code unitCodes} is empty. */
    public Result urge(String campaignId, List<String> unitCodes, String note, String actor) {
        Campaign c = campaigns.get(campaignId);
        if (c.status() != CampaignStatus.ISSUED) {
            throw new ReportException("活动不在征集期内，不能催办");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 2000) {
            throw new ReportException("催办说明过长（最多 2000 字）");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        List<UnitReport> targets = unitCodes == null || unitCodes.isEmpty()
                ? reports.units(campaignId).stream().filter(u -> u.status().owesReport() && u.dueDate().isBefore(today)).toList()
                : unitCodes.stream().map(code -> reports.unit(campaignId, code)).toList();
        List<String> urged = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (UnitReport target : targets) {
            // the unit's row is locked first, so that parallel urges of one unit are taken one at a time and the
            // interval check below sees the urge a concurrent request has just recorded
            UnitReport u = reports.lockUnit(campaignId, target.unitCode());
            if (!u.status().owesReport()) {
                skipped.put(u.unitCode(), "已报送，无需催办");
                continue;
            }
            LocalDateTime last = jdbc.sql("SELECT MAX(urged_at) FROM duban_urge WHERE campaign_id = ? AND unit_code = ?")
                    .params(campaignId, u.unitCode()).query(LocalDateTime.class).optional().orElse(null);
            if (last != null && last.plus(minInterval).isAfter(now)) {
                LocalDateTime next = last.plus(minInterval);
                skipped.put(u.unitCode(), "上次催办于 " + Dates.minute(last) + "，" + Dates.minute(next) + " 后可再次催办");
                continue;
            }
            Unit unit = units.find(u.unitCode()).orElseThrow();
            var recipients = reminders.recipients(unit, u, true);
            if (recipients.isEmpty()) {
                skipped.put(u.unitCode(), "该单位没有可接收邮件的人员，请先在用户管理中填写邮箱");
                continue;
            }
            var key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO duban_urge (campaign_id, unit_code, note, urged_by, urged_at) VALUES (?, ?, ?, ?, ?)")
                    .params(campaignId, u.unitCode(), text.isEmpty() ? null : text, actor, now).update(key, "id");
            String ref = "urge:" + key.getKeyAs(Number.class);
            MailTemplates.Mail mail = MailTemplates.urge(c.title(), unit.name(), u.dueDate(), text, links.openTask(u.processInstanceId()),
                    people.names(List.of(actor)).getOrDefault(actor, ""), c.template().issuer() + c.template().section());
            for (String to : recipients) {
                outbox.enqueue(new Outbox.Queued(mail, cn.duban.mail.MailKind.URGE, campaignId, u.unitCode(), today, to, ref));
            }
            urged.add(u.unitCode());
        }
        Map<String, String> names = new LinkedHashMap<>();
        targets.forEach(t -> units.find(t.unitCode()).ifPresent(u -> names.put(t.unitCode(), u.name())));
        return new Result(urged, skipped, names, Result.summary(urged, skipped, names));
    }
}
