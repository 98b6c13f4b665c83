package cn.duban.ops;

import cn.duban.campaign.CampaignService;
import cn.duban.identity.Roles;
import cn.duban.mail.MailKinds;
import cn.duban.mail.MailTemplates;
import cn.duban.mail.Outbox;
import cn.duban.mail.OutboxMail;
import cn.duban.process.CampaignProcess;
import cn.duban.process.DistributionProcess;
import cn.duban.support.DubanProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operators' alerts: every {@code duban.ops.alerts.interval} (a minute) each node looks at what {@link AlertRules}
 * watches — the outbox, the distribution batches' incidents, the campaigns' daily reminder checks, the stored files
 * and the disk — and reconciles it with the open alerts in duban_alert. A condition seen for the first time opens its
 * alert and queues a mail to every operator and administrator with an address (and {@code duban.ops.alerts.recipients})
 * in the same transaction, through the outbox, so the mail is not lost (it goes out when mail does: an alert that mail
 * is stalled reaches the operators' mailboxes once the relay is back, and Cockpit's start page at once); a condition
 * that holds on changes nothing but the alert's text; a condition gone resolves the alert and mails that it is over.
 * Two nodes checking at once open and resolve each alert once (the open key is unique; a resolve is a conditional
 * update).
 */
@Service
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final AlertRepository alerts;
    private final OpsReadings readings;
    private final Outbox outbox;
    private final CampaignService campaigns;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DubanProperties.Ops.Alerts settings;
    private final AlertRules.Thresholds thresholds;
    private final Path storeDirectory;
    private final String cockpitLink;

    Alerts(AlertRepository alerts, OpsReadings readings, Outbox outbox, CampaignService campaigns, RuntimeService runtimeService,
           ManagementService managementService, RepositoryService repositoryService, IdentityService identityService,
           TransactionTemplate tx, Clock clock, DubanProperties properties) {
        this.alerts = alerts;
        this.readings = readings;
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.tx = tx;
        this.clock = clock;
        this.settings = properties.ops().alerts();
        this.thresholds = new AlertRules.Thresholds(settings.mailStalledAfter(), settings.storedBytes().toBytes(),
                settings.minFreeDisk().toBytes());
        this.storeDirectory = properties.attachments().store().kind() == DubanProperties.Attachments.Store.Kind.FILES
                ? Path.of(properties.attachments().store().directory()) : null;
        this.cockpitLink = properties.mail().tasklistUrl().replaceFirst("/app/tasklist/.*$", "/app/cockpit/default/#/");
    }

    @Scheduled(fixedDelayString = "${duban.ops.alerts.interval:PT1M}", initialDelayString = "${duban.ops.alerts.interval:PT1M}")
    void scheduled() {
        if (settings.enabled()) {
            try {
                check();
            } catch (RuntimeException e) {
                // the database gone, most likely: the health checks say so; the next round tries again
                log.warn("Alert check failed: {}", e.toString());
            }
        }
    }

    /** Looks once: opens, updates and resolves alerts. Returns the conditions that hold now. */
    public List<String> check() {
        readings.refresh();
        List<AlertRules.Condition> now = AlertRules.evaluate(observe(), thresholds);
        Map<String, AlertRepository.Alert> open = new HashMap<>();
        alerts.open().forEach(a -> open.put(a.conditionKey(), a));
        Set<String> holding = new HashSet<>();
        for (AlertRules.Condition c : now) {
            holding.add(c.key());
            AlertRepository.Alert existing = open.get(c.key());
            if (existing == null) {
                opened(c);
            } else if (!existing.detail().equals(c.detail()) || !existing.title().equals(c.title())) {
                alerts.update(existing.id(), c.title(), c.detail(), LocalDateTime.now(clock));
            }
        }
        for (AlertRepository.Alert a : open.values()) {
            if (!holding.contains(a.conditionKey())) {
                tx.executeWithoutResult(s -> alerts.resolve(a.id(), LocalDateTime.now(clock)).ifPresent(r -> mail(r, true)));
            }
        }
        return now.stream().map(AlertRules.Condition::key).toList();
    }

    private void opened(AlertRules.Condition c) {
        try {
            tx.executeWithoutResult(s -> {
                AlertRepository.Alert a = alerts.insert(c.key(), c.kind().name(), c.title(), c.detail(), LocalDateTime.now(clock));
                mail(a, false);
                log.warn("Alert opened: {} — {}", c.title(), c.detail());
            });
        } catch (DuplicateKeyException otherNode) {
            // another node opened it at the same moment, with its mails
        }
    }

    private void mail(AlertRepository.Alert a, boolean resolved) {
        LocalDate today = LocalDate.now(clock);
        MailTemplates.Mail mail = resolved ? MailTemplates.alertResolved(a.title(), a.openedAt(), a.resolvedAt(), cockpitLink)
                : MailTemplates.alert(a.title(), a.detail(), a.openedAt(), cockpitLink);
        List<Outbox.Queued> mails = new ArrayList<>();
        for (String to : recipients()) {
            mails.add(new Outbox.Queued(mail, resolved ? cn.duban.mail.MailKind.ALERT_RESOLVED : cn.duban.mail.MailKind.ALERT, "", "", today, to, "alert-" + a.id()));
        }
        if (mails.isEmpty()) {
            log.warn("Alert '{}': no operator or administrator has a mail address, and duban.ops.alerts.recipients is empty: "
                    + "only Cockpit's start page shows it", a.title());
        }
        outbox.enqueueAll(mails);
    }

    /** Every operator's and administrator's address, and the configured ones, each once. */
    Set<String> recipients() {
        Set<String> out = new LinkedHashSet<>();
        for (String group : List.of(Roles.OPERATOR, Roles.ADMIN)) {
            for (User u : identityService.createUserQuery().memberOfGroup(group).list()) {
                if (u.getEmail() != null && !u.getEmail().isBlank()) {
                    out.add(u.getEmail().strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        settings.recipients().stream().filter(r -> r != null && !r.isBlank()).map(r -> r.strip().toLowerCase(Locale.ROOT)).forEach(out::add);
        return out;
    }

    private AlertRules.Observations observe() {
        LocalDateTime now = LocalDateTime.now(clock);
        Outbox.Backlog backlog = readings.outbox();
        AlertRules.WaitingMail oldest = null;
        if (backlog.pending() > 0 && backlog.oldestPendingSince() != null
                && !backlog.oldestPendingSince().plus(settings.mailStalledAfter()).isAfter(now)) {
            OutboxMail m = outbox.oldestPending().orElse(null);
            if (m != null) {
                oldest = new AlertRules.WaitingMail(m.kindLabel(), m.recipient(), backlog.oldestPendingSince(), m.attempts(), m.lastError());
            }
        }
        List<AlertRules.FailedJob> distribution = new ArrayList<>();
        List<AlertRules.FailedJob> reminders = new ArrayList<>();
        Map<String, String> titles = new HashMap<>();
        for (Incident i : runtimeService.createIncidentQuery().processDefinitionKeyIn(DistributionProcess.KEY).list()) {
            String campaignId = campaignOf(i.getProcessInstanceId());
            if (campaignId != null) {
                Object batch = i.getExecutionId() == null ? null : runtimeService.getVariableLocal(i.getExecutionId(), "batchNo");
                distribution.add(new AlertRules.FailedJob(campaignId, null, batch instanceof Integer b ? b : null,
                        i.getIncidentMessage(), local(i.getIncidentTimestamp()), 0));
            }
        }
        for (Job j : managementService.createJobQuery().processDefinitionKey(CampaignProcess.KEY)
                .activityId(CampaignProcess.DAILY_REMINDER_TIMER).withException().list()) {
            String campaignId = campaignOf(j.getProcessInstanceId());
            if (campaignId != null) {
                reminders.add(new AlertRules.FailedJob(campaignId, null, null, j.getExceptionMessage(),
                        j.getDuedate() == null ? now : local(j.getDuedate()), j.getRetries()));
            }
        }
        Set<String> ids = new HashSet<>();
        distribution.forEach(f -> ids.add(f.campaignId()));
        reminders.forEach(f -> ids.add(f.campaignId()));
        titles.putAll(campaigns.titles(ids));
        return new AlertRules.Observations(now, backlog.pending(), oldest, named(distribution, titles), named(reminders, titles),
                readings.storedBytes(), freeDisk(), storeDirectory == null ? null : storeDirectory.toAbsolutePath().normalize().toString());
    }

    private static List<AlertRules.FailedJob> named(List<AlertRules.FailedJob> failures, Map<String, String> titles) {
        return failures.stream().map(f -> new AlertRules.FailedJob(f.campaignId(), titles.getOrDefault(f.campaignId(), "（名称不详的通知）"),
                f.batchNo(), f.error(), f.since(), f.retriesLeft())).toList();
    }

    private String campaignOf(String processInstanceId) {
        if (processInstanceId == null) {
            return null;
        }
        Object id = runtimeService.getVariable(processInstanceId, CampaignProcess.CAMPAIGN_ID.name());
        return id instanceof String s ? s : null;
    }

    private Long freeDisk() {
        if (storeDirectory == null) {
            return null;
        }
        try {
            Path p = storeDirectory.toAbsolutePath();
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            return p == null ? null : Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return null;
        }
    }

    private LocalDateTime local(java.util.Date d) {
        ZoneId zone = clock.getZone();
        return LocalDateTime.ofInstant(d.toInstant(), zone);
    }

    /** The open alerts, oldest first, and those resolved in the last week, newest first (the Cockpit panel). */
    public record Panel(List<View> open, List<View> resolved) {}

    /** An alert as the panel shows it. */
    public record View(String kind, String kindLabel, String title, String detail, LocalDateTime openedAt, LocalDateTime resolvedAt) {}

    public Panel panel() {
        LocalDateTime weekAgo = LocalDateTime.now(clock).minusDays(7);
        return new Panel(alerts.open().stream().map(Alerts::view).toList(),
                alerts.resolvedSince(weekAgo, 20).stream().map(Alerts::view).toList());
    }

    private static View view(AlertRepository.Alert a) {
        return new View(a.kind(), AlertRules.Kind.valueOf(a.kind()).label, a.title(), a.detail(), a.openedAt(), a.resolvedAt());
    }
}
