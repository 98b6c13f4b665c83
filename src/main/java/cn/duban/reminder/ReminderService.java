package cn.duban.reminder;

import cn.duban.support.DubanProperties;
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
import cn.duban.unit.Units;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders, the overdue mail and the section's digest. Each campaign's daily timer calls in once a day
 * at {@code duban.reminders.hour}; every mail is queued in the outbox keyed by its due date, so a timer
 * that fires twice, or a node that retries, queues nothing twice.
 */
@Service
@Transactional
public class ReminderService {

    public static final String DIGEST_UNIT = "*";

    private final CampaignService campaigns;
    private final ReportService reports;
    private final Units units;
    private final WorkCalendar calendar;
    private final Outbox outbox;
    private final IdentityService identityService;
    private final Clock clock;
    private final int hour;
    private final TasklistLinks links;
    private final boolean copyUnitMailbox;
    private final cn.duban.identity.People people;
    private final cn.duban.report.Rollups rollups;

    public ReminderService(CampaignService campaigns, ReportService reports, Units units, WorkCalendar calendar,
                           Outbox outbox, IdentityService identityService, Clock clock,
                           DubanProperties settings, TasklistLinks links, cn.duban.identity.People people,
                           cn.duban.report.Rollups rollups) {
        this.rollups = rollups;
        int hour = settings.reminders().hour();
        this.campaigns = campaigns;
        this.reports = reports;
        this.units = units;
        this.calendar = calendar;
        this.outbox = outbox;
        this.identityService = identityService;
        this.clock = clock;
        this.hour = hour;
        this.links = links;
        this.copyUnitMailbox = settings.mail().copyUnitMailbox();
        this.people = people;
    }

    /**
     * The campaign's daily check (camunda:timeCycle of 每日催报检查 in bpmn/campaign.bpmn): daily at the
     * reminder hour from the next one on, for as long as the campaign collects reports (the timer ends
     * with the task it is attached to). One timer per campaign, not one per unit: the check finds the
     * day's mails of all units with a few queries.
     */
    @Transactional(readOnly = true)
    public String dailyCycle(String campaignId) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate first = now.toLocalDate().atTime(hour, 0).isAfter(now) ? now.toLocalDate() : now.toLocalDate().plusDays(1);
        return "R/" + at(first) + "/P1D";
    }

    /**
     * The campaign's daily check: queues the reminder or overdue mail due today of every unit that still
     * owes its report, and the section's digest after the deadline. Returns the number of mails queued.
     */
    public int dailyTick(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        LocalDate today = LocalDate.now(clock);
        List<UnitReport> owing = reports.owing(campaignId);
        return queueUnitMails(c, owing, today) + queueDigest(c, owing, today) + queueMemberDigests(c, owing, today);
    }

    /**
     * In a two-level roll-up, each intermediate unit's daily digest of its members past their due date, while any
     * are: to its reporter and head (and its mailbox), as the section gets the county's.
     */
    private int queueMemberDigests(Campaign c, List<UnitReport> owing, LocalDate today) {
        Map<String, String> intermediateOf = rollups.intermediates(c, owing.stream().map(UnitReport::unitCode).toList());
        if (intermediateOf.isEmpty() || !c.template().reminders().sendsDailyDigest()) {
            return 0;
        }
        Map<String, List<String>> lateByIntermediate = new java.util.TreeMap<>();
        owing.stream().filter(u -> intermediateOf.containsKey(u.unitCode()) && u.dueDate() != null && today.isAfter(u.dueDate()))
                .forEach(u -> lateByIntermediate.computeIfAbsent(intermediateOf.get(u.unitCode()), k -> new ArrayList<>()).add(u.unitCode()));
        if (lateByIntermediate.isEmpty()) {
            return 0;
        }
        List<String> codes = new ArrayList<>(lateByIntermediate.keySet());
        lateByIntermediate.values().forEach(codes::addAll);
        Map<String, Unit> unitRows = units.findAll(codes);
        List<Outbox.Queued> mails = new ArrayList<>();
        lateByIntermediate.forEach((code, late) -> {
            Unit unit = unitRows.get(code);
            if (unit == null) {
                return;
            }
            List<String> names = late.stream().sorted().map(m -> Optional.ofNullable(unitRows.get(m)).map(Unit::name).orElse(m)).toList();
            MailTemplates.Mail mail = MailTemplates.memberDigest(c.title(), unit.name(), today, names, links.tasklist());
            UnitReport own = reports.unit(c.id(), code);
            for (String to : recipients(unit, own, true)) {
                mails.add(new Outbox.Queued(mail, cn.duban.mail.MailKind.MEMBER_DIGEST, c.id(), code, today, to));
            }
        });
        return outbox.enqueueAll(mails);
    }

    private String at(LocalDate day) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(clock.getZone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * The reminder or overdue mails due today of these units (all owing their report), queued in one JDBC
     * batch: the units' registry rows, their people's addresses and their open tasks are read in bulk,
     * not per unit.
     */
    private int queueUnitMails(Campaign c, List<UnitReport> owing, LocalDate today) {
        Map<LocalDate, Optional<ReminderPolicy.Step>> stepByDue = new HashMap<>();
        Map<UnitReport, ReminderPolicy.Step> due = new LinkedHashMap<>();
        for (UnitReport u : owing) {
            stepByDue.computeIfAbsent(u.dueDate(),
                            d -> ReminderPolicy.stepReached(today, d, c.template().reminders(), calendar::workingDaysBefore))
                    .ifPresent(step -> due.put(u, step));
        }
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, Unit> unitRows = units.findAll(due.keySet().stream().map(UnitReport::unitCode).toList());
        Set<String> people = new HashSet<>();
        due.forEach((u, step) -> {
            people.add(u.reporterUser());
            if (step.kind().alsoToHead()) {
                people.add(Optional.ofNullable(unitRows.get(u.unitCode())).map(Unit::headUser).orElse(null));
            }
        });
        Map<String, String> emails = emailsOf(people);
        Map<String, String> taskLinks = links.openTasks(due.keySet().stream().map(UnitReport::processInstanceId).toList());
        List<Outbox.Queued> mails = new ArrayList<>();
        due.forEach((u, step) -> {
            ReminderPolicy.Kind kind = step.kind();
            Unit unit = unitRows.get(u.unitCode());
            if (unit == null) {
                return; // a campaign unit always has its registry row (a foreign key); nothing to write to otherwise
            }
            String link = taskLinks.getOrDefault(u.processInstanceId(), links.tasklist());
            MailTemplates.Mail mail = kind == ReminderPolicy.Kind.OVERDUE
                    ? MailTemplates.overdue(c.title(), unit.name(), u.dueDate(), link)
                    : MailTemplates.reminder(c.title(), unit.name(), u.dueDate(), link);
            for (String to : recipients(unit, u, kind.alsoToHead(), emails)) {
                mails.add(new Outbox.Queued(mail, kind.mailKind(), c.id(), u.unitCode(), step.day(), to));
            }
        });
        return outbox.enqueueAll(mails);
    }

    /** The section's daily digest of the units still missing, from the morning after the deadline, while any are. */
    private int queueDigest(Campaign c, List<UnitReport> owing, LocalDate today) {
        if (!c.template().reminders().sendsDailyDigest() || !today.isAfter(c.deadline())) {
            return 0;
        }
        List<String> codes = owing.stream().map(UnitReport::unitCode).sorted().toList();
        if (codes.isEmpty()) {
            return 0;
        }
        Map<String, Unit> unitRows = units.findAll(codes);
        List<String> missing = codes.stream().map(code -> Optional.ofNullable(unitRows.get(code)).map(Unit::name).orElse(code)).toList();
        MailTemplates.Mail mail = MailTemplates.digest(c.template().sectionName(), c.title(), c.deadline(), today, missing, links.tasklist());
        List<Outbox.Queued> mails = new ArrayList<>();
        for (String to : officeRecipients(c)) {
            mails.add(new Outbox.Queued(mail, cn.duban.mail.MailKind.DIGEST, c.id(), DIGEST_UNIT, today, to));
        }
        return outbox.enqueueAll(mails);
    }

    /** Where a unit's mail goes: its reporter (or, before one is named, the unit mailbox), and its head. */
    Set<String> recipients(Unit unit, UnitReport u, boolean head) {
        Set<String> people = new HashSet<>();
        people.add(u.reporterUser());
        people.add(unit.headUser());
        return recipients(unit, u, head, emailsOf(people));
    }

    /** The reporter (and the head, for the later reminders) by their own addresses; the unit's mailbox as a copy. */
    private Set<String> recipients(Unit unit, UnitReport u, boolean head, Map<String, String> emails) {
        Set<String> to = new LinkedHashSet<>();
        String reporter = u.reporterUser() == null ? null : emails.get(u.reporterUser());
        to.add(reporter != null ? reporter : unit.mailbox());
        if (head) {
            String h = unit.headUser() == null ? null : emails.get(unit.headUser());
            to.add(h != null ? h : unit.mailbox());
        }
        if (copyUnitMailbox) {
            to.add(unit.mailbox());
        }
        to.remove(null);
        return to;
    }

    /** The notice's office, all of it: its digest of late units goes to them (not to every office's people). */
    private Set<String> officeRecipients(Campaign c) {
        Set<String> to = new LinkedHashSet<>();
        for (Roles.OfficeRole role : Roles.OfficeRole.values()) {
            String group = Roles.officeGroup(c.officeCode(), role);
            identityService.createUserQuery().memberOfGroup(group).list().stream()
                    .map(User::getEmail).filter(e -> e != null && !e.isBlank()).forEach(to::add);
        }
        return to;
    }

    /** The e-mail addresses of these accounts, read in chunks; accounts without one are left out. */
    private Map<String, String> emailsOf(Collection<String> userIds) {
        return people.emails(userIds);
    }
}
