package cn.duban.reminder;

import cn.duban.calendar.WorkCalendar;
import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.identity.Roles;
import cn.duban.mail.MailTemplates;
import cn.duban.mail.Outbox;
import cn.duban.mail.TasklistLinks;
import cn.duban.report.ReportService;
import cn.duban.report.UnitReport;
import cn.duban.unit.Unit;
import cn.duban.unit.UnitRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders, the overdue mail and the section's digest. The BPMN timers call in once a day at
 * {@code duban.reminders.hour}; every mail is queued in the outbox keyed by its due date, so a timer
 * that fires twice, or a node that retries, queues nothing twice.
 */
@Service
@Transactional
public class ReminderService {

    public static final String DIGEST_UNIT = "*";

    private final CampaignService campaigns;
    private final ReportService reports;
    private final UnitRepository units;
    private final WorkCalendar calendar;
    private final Outbox outbox;
    private final IdentityService identityService;
    private final Clock clock;
    private final int hour;
    private final TasklistLinks links;

    public ReminderService(CampaignService campaigns, ReportService reports, UnitRepository units, WorkCalendar calendar,
                           Outbox outbox, IdentityService identityService, Clock clock,
                           @Value("${duban.reminders.hour:9}") int hour,
                           TasklistLinks links) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.units = units;
        this.calendar = calendar;
        this.outbox = outbox;
        this.identityService = identityService;
        this.clock = clock;
        this.hour = hour;
        this.links = links;
    }

    /**
     * The unit's timer: daily at the reminder hour from its first reminder (or today, if later) to the
     * morning after its due date, as an ISO 8601 repeating interval for {@code camunda:timeCycle}.
     */
    @Transactional(readOnly = true)
    public String unitCycle(String campaignId, String unitCode) {
        Campaign c = campaigns.get(campaignId);
        LocalDate due = reports.unit(campaignId, unitCode).dueDate();
        LocalDate first = ReminderPolicy.firstDay(due, c.template().reminders(), calendar::workingDaysBefore);
        return cycle(first, ReminderPolicy.lastDay(due));
    }

    /** The campaign's digest timer: daily from the morning after the deadline, for up to 60 days. */
    @Transactional(readOnly = true)
    public String digestCycle(String campaignId) {
        LocalDate first = campaigns.get(campaignId).deadline().plusDays(1);
        return cycle(first, first.plusDays(59));
    }

    /**
     * Daily at the reminder hour from {@code first} to {@code last}, never starting in the past (the
     * engine computes no date for a cycle that has run out): what is already past is dropped, and a
     * cycle with nothing left becomes one harmless tick tomorrow.
     */
    private String cycle(LocalDate first, LocalDate last) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate start = first;
        if (!start.atTime(hour, 0).isAfter(now)) {
            start = now.toLocalDate().atTime(hour, 0).isAfter(now) ? now.toLocalDate() : now.toLocalDate().plusDays(1);
        }
        long repetitions = ChronoUnit.DAYS.between(start, last) + 1;
        if (repetitions < 1) {
            repetitions = 1;
        }
        String at = start.atTime(LocalTime.of(hour, 0)).atZone(clock.getZone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return "R" + repetitions + "/" + at + "/P1D";
    }

    /** The unit's daily tick: queues the reminder or overdue mail that is due today, if the unit still owes its report. */
    public void unitTick(String campaignId, String unitCode) {
        Campaign c = campaigns.get(campaignId);
        UnitReport u = reports.unit(campaignId, unitCode);
        if (!u.status().owesReport()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        ReminderPolicy.kindOn(today, u.dueDate(), c.template().reminders(), calendar::workingDaysBefore).ifPresent(kind -> {
            Unit unit = units.find(unitCode).orElseThrow();
            String link = links.openTask(u.processInstanceId());
            MailTemplates.Mail mail = kind == ReminderPolicy.Kind.OVERDUE
                    ? MailTemplates.overdue(c.title(), unit.name(), u.dueDate(), link)
                    : MailTemplates.reminder(c.title(), unit.name(), u.dueDate(), link);
            for (String to : recipients(unit, u, kind.alsoToHead())) {
                outbox.enqueue(mail, kind.name(), campaignId, unitCode, u.dueDate(), to);
            }
        });
    }

    /** The section's daily digest of the units still missing, while any are. */
    public void digestTick(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        LocalDate today = LocalDate.now(clock);
        if (!c.template().reminders().sendsDailyDigest() || !today.isAfter(c.deadline())) {
            return;
        }
        List<String> missing = reports.units(campaignId).stream().filter(u -> u.status().owesReport())
                .map(u -> units.find(u.unitCode()).map(Unit::name).orElse(u.unitCode())).toList();
        if (missing.isEmpty()) {
            return;
        }
        MailTemplates.Mail mail = MailTemplates.digest(c.title(), c.deadline(), today, missing, links.tasklist());
        for (String to : sectionRecipients()) {
            outbox.enqueue(mail, "DIGEST", campaignId, DIGEST_UNIT, today, to);
        }
    }

    /** Where a unit's mail goes: its reporter (or, before one is named, the unit mailbox), and its head. */
    Set<String> recipients(Unit unit, UnitReport u, boolean head) {
        Set<String> to = new LinkedHashSet<>();
        String reporter = emailOf(u.reporterUser());
        to.add(reporter != null ? reporter : unit.mailbox());
        if (head) {
            String h = emailOf(unit.headUser());
            to.add(h != null ? h : unit.mailbox());
        }
        to.remove(null);
        return to;
    }

    private Set<String> sectionRecipients() {
        Set<String> to = new LinkedHashSet<>();
        for (String group : List.of(Roles.DRAFTER, Roles.REVIEWER, Roles.SECTION_HEAD)) {
            identityService.createUserQuery().memberOfGroup(group).list().stream()
                    .map(User::getEmail).filter(e -> e != null && !e.isBlank()).forEach(to::add);
        }
        return to;
    }

    String emailOf(String userId) {
        if (userId == null) {
            return null;
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
    }
}
