package cn.duban.bench;

import cn.duban.process.NoticeApprovalProcess;
import cn.duban.process.CampaignProcess;
import cn.duban.campaign.TemplateCatalog;
import cn.duban.identity.Roles;
import cn.duban.process.UnitReportProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the benchmarks that need a real campaign share: generated units, and a campaign from seed 000 aimed
 * at them, drafted, reviewed and signed off through the same forms Tasklist submits, then distributed by
 * running its jobs in the caller's thread (the job executor is off in the bench profile).
 */
@Component
@Profile("bench")
class BenchCampaigns {

    private static final String DRAFTER = "bench-drafter";

    private final JdbcTemplate jdbc;
    private final TemplateCatalog catalog;
    private final RepositoryService repository;
    private final FormService forms;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;

    BenchCampaigns(JdbcTemplate jdbc, TemplateCatalog catalog, RepositoryService repository, FormService forms,
                   TaskService tasks, ManagementService management, IdentityService identity) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.repository = repository;
        this.forms = forms;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
    }

    String database() {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()
                + " " + c.getMetaData().getDatabaseProductVersion());
    }

    /** n units of a type of their own, each with its own mailbox. */
    void seedUnits(String type, int n) {
        LocalDateTime now = LocalDateTime.now();
        // a type of their own, in the registry's list of types (a template naming an unknown type is refused)
        jdbc.update("INSERT INTO duban_unit_type (code, name, created_at) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM duban_unit_type WHERE code = ?)", type, "基准单位类型 " + type, now, type);
        List<Object[]> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            units.add(new Object[] {type + "-" + i, "基准单位" + i, type, type + i + "@bench.local", now});
        }
        jdbc.batchUpdate("INSERT INTO duban_unit (code, name, type, mailbox, created_at) VALUES (?, ?, ?, ?, ?)", units);
    }

    /**
     * A campaign aimed at the units of that type with that deadline: signed off, then its jobs run until
     * every unit has its 签收 task. Returns the campaign's id.
     */
    String distribute(String type, LocalDate deadline) {
        ensureDrafter();
        String yaml;
        try {
            yaml = new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String code = "bench-" + type + "-" + System.nanoTime() % 100000;
        yaml = yaml.replaceFirst("(?m)^code: .*$", "code: " + code)
                .replaceFirst("(?ms)^targets:\\n(  .*?\\n)+", "targets:\n  types: [" + type + "]\n");
        catalog.upload(yaml, DRAFTER);
        identity.setAuthentication(DRAFTER, List.of(Roles.DRAFTER, Roles.SECTION_HEAD, Roles.LEADER));
        try {
            String definition = repository.createProcessDefinitionQuery().processDefinitionKey(CampaignProcess.KEY).latestVersion()
                    .singleResult().getId();
            Map<String, Object> vars = new HashMap<>();
            vars.put(CampaignProcess.TEMPLATE_CODE.name(), code);
            vars.put(CampaignProcess.DEADLINE.name(), Variables.stringValue(deadline.toString(), true));
            String pi = forms.submitStartForm(definition, vars).getId();
            String campaignId = jdbc.queryForObject("SELECT id FROM duban_campaign WHERE process_instance_id = ?", String.class, pi);
            complete(campaignId, NoticeApprovalProcess.DRAFT_NOTICE, Map.of());
            complete(campaignId, NoticeApprovalProcess.REVIEW_NOTICE, Map.of(NoticeApprovalProcess.NOTICE_REVIEWED.name(), true));
            complete(campaignId, NoticeApprovalProcess.SIGN_OFF_NOTICE, Map.of(NoticeApprovalProcess.NOTICE_SIGNED.name(), true));
            identity.clearAuthentication(); // jobs run as the job executor would: as the system
            runJobs();
            long signTasks = tasks.createTaskQuery().taskDefinitionKey(UnitReportProcess.SIGN_NOTICE)
                    .processInstanceBusinessKeyLike(campaignId + ":%").count();
            long units = jdbc.queryForObject("SELECT COUNT(*) FROM duban_unit WHERE type = ?", Long.class, type);
            if (signTasks != units) {
                throw new IllegalStateException("distribution incomplete: " + signTasks + " of " + units);
            }
            return campaignId;
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Runs every job that is due now, in this thread; returns how many ran. Jobs are fetched a thousand at
     * a time, as the job executor acquires them in batches: one query per job would measure the query.
     */
    int runJobs() {
        int ran = 0;
        while (true) {
            List<Job> jobs = management.createJobQuery().executable().listPage(0, 1000);
            if (jobs.isEmpty()) {
                return ran;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
                ran++;
            }
        }
    }

    private void ensureDrafter() {
        if (identity.createUserQuery().userId(DRAFTER).count() == 0) {
            var u = identity.newUser(DRAFTER);
            u.setPassword("bench-drafter-password");
            identity.saveUser(u);
            for (String g : List.of(Roles.DRAFTER, Roles.SECTION_HEAD, Roles.LEADER)) {
                identity.createMembership(DRAFTER, g);
            }
        }
    }

    private void complete(String campaignId, String key, Map<String, Object> vars) {
        Task t = tasks.createTaskQuery().taskDefinitionKey(key).processVariableValueEquals(CampaignProcess.CAMPAIGN_ID.name(), campaignId)
                .singleResult();
        forms.submitTaskForm(t.getId(), new HashMap<>(vars));
    }
}
