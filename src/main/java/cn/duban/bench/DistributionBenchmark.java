package cn.duban.bench;

import cn.duban.campaign.CampaignProcess;
import cn.duban.campaign.TemplateCatalog;
import cn.duban.identity.Roles;
import cn.duban.report.UnitReportProcess;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The distribution benchmark: for each size (default 1,000 and 10,000 units), a campaign from seed 000
 * aimed at that many generated units is signed off, then its jobs are run in this thread until every unit
 * has its first task (签收); against it, as the baseline on the same engine and database, the same number
 * of instances of a bare process (start, one user task) started in transactions of the same batch size.
 * Prints cost per unit ÷ cost per bare instance and exits. Command: see docs/benchmarks.md.
 */
@Component
@Order(101)
@ConditionalOnProperty(name = "duban.bench.distribution", havingValue = "true")
class DistributionBenchmark implements ApplicationRunner {

    private static final String BARE = "benchBareUserTask";

    private final JdbcTemplate jdbc;
    private final TemplateCatalog catalog;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final FormService forms;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final TransactionTemplate tx;
    private final ConfigurableApplicationContext context;
    private final List<Integer> sizes;
    private final int batchSize;

    DistributionBenchmark(JdbcTemplate jdbc, TemplateCatalog catalog, RepositoryService repository, RuntimeService runtime,
                          FormService forms, TaskService tasks, ManagementService management, IdentityService identity,
                          TransactionTemplate tx, ConfigurableApplicationContext context,
                          @Value("${duban.bench.sizes:1000,10000}") List<Integer> sizes,
                          @Value("${duban.distribution.batch-size:100}") int batchSize) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.repository = repository;
        this.runtime = runtime;
        this.forms = forms;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.tx = tx;
        this.context = context;
        this.sizes = sizes;
        this.batchSize = batchSize;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1)
                .startEvent().userTask("task").camundaCandidateGroups("bench").endEvent().done();
        repository.createDeployment().addModelInstance(BARE + ".bpmn", bare).deploy();
        if (identity.createUserQuery().userId("bench-drafter").count() == 0) {
            var u = identity.newUser("bench-drafter");
            u.setPassword("bench-drafter-password");
            identity.saveUser(u);
            for (String g : List.of(Roles.DRAFTER, Roles.SECTION_HEAD, Roles.LEADER)) {
                identity.createMembership("bench-drafter", g);
            }
        }
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()
                + " " + c.getMetaData().getDatabaseProductVersion());
        List<String[]> rows = new ArrayList<>();
        for (int n : sizes) {
            String type = "bench" + n;
            seedUnits(type, n);
            // warm-up: a small run of both, so that neither side pays the JIT for the other
            if (rows.isEmpty()) {
                startBare(Math.min(200, n));
                seedUnits("benchwarm", 200);
                distribute("benchwarm");
            }
            long bareNanos = Timing.time(() -> startBare(n));
            long dubanNanos = Timing.time(() -> distribute(type));
            double perBare = bareNanos / 1e6 / n;
            double perUnit = dubanNanos / 1e6 / n;
            rows.add(new String[] {String.valueOf(n), ms(bareNanos / 1e6), fmt(perBare, 3), ms(dubanNanos / 1e6), fmt(perUnit, 3),
                    fmt(perUnit / perBare, 2)});
        }
        System.out.printf("%nDistribution benchmark on %s, batch size %d, jobs run in one thread%n", database, batchSize);
        System.out.println("| units | bare process: total ms | per instance ms | duban distribution: total ms | per unit ms | per unit ÷ per bare instance |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private void seedUnits(String type, int n) {
        LocalDateTime now = LocalDateTime.now();
        List<Object[]> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            units.add(new Object[] {type + "-" + i, "基准单位" + i, type, type + i + "@bench.local", now});
        }
        jdbc.batchUpdate("INSERT INTO duban_unit (code, name, type, mailbox, created_at) VALUES (?, ?, ?, ?, ?)", units);
    }

    /** n bare instances, batchSize per transaction, as a distribution batch job groups them. */
    private void startBare(int n) {
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            int start = from;
            tx.executeWithoutResult(s -> {
                for (int i = start; i < to; i++) {
                    runtime.startProcessInstanceByKey(BARE, "bare-" + System.nanoTime() + "-" + i);
                }
            });
        }
    }

    /** A campaign aimed at the units of that type: signed off, then its jobs run until every unit has its 签收 task. */
    private void distribute(String type) {
        String yaml;
        try {
            yaml = new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml").getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String code = "bench-" + type + "-" + System.nanoTime() % 100000;
        yaml = yaml.replaceFirst("(?m)^code: .*$", "code: " + code)
                .replaceFirst("(?ms)^targets:\\n(  .*?\\n)+", "targets:\n  types: [" + type + "]\n");
        catalog.upload(yaml, "bench-drafter");
        identity.setAuthentication("bench-drafter", List.of(Roles.DRAFTER, Roles.SECTION_HEAD, Roles.LEADER));
        try {
            String definition = repository.createProcessDefinitionQuery().processDefinitionKey(CampaignProcess.KEY).latestVersion()
                    .singleResult().getId();
            Map<String, Object> vars = new HashMap<>();
            vars.put(CampaignProcess.VAR_TEMPLATE_CODE, code);
            vars.put(CampaignProcess.VAR_DEADLINE, Variables.stringValue(LocalDate.now().plusDays(30).toString(), true));
            String pi = forms.submitStartForm(definition, vars).getId();
            String campaignId = jdbc.queryForObject("SELECT id FROM duban_campaign WHERE process_instance_id = ?", String.class, pi);
            complete(campaignId, CampaignProcess.DRAFT_NOTICE, Map.of());
            complete(campaignId, CampaignProcess.REVIEW_NOTICE, Map.of(CampaignProcess.VAR_NOTICE_REVIEWED, true));
            complete(campaignId, CampaignProcess.SIGN_OFF_NOTICE, Map.of(CampaignProcess.VAR_NOTICE_SIGNED, true));
            identity.clearAuthentication(); // jobs run as the job executor would: as the system
            runJobs();
            long signTasks = tasks.createTaskQuery().taskDefinitionKey(UnitReportProcess.SIGN_NOTICE)
                    .processInstanceBusinessKeyLike(campaignId + ":%").count();
            long units = jdbc.queryForObject("SELECT COUNT(*) FROM duban_unit WHERE type = ?", Long.class, type);
            if (signTasks != units) {
                throw new IllegalStateException("distribution incomplete: " + signTasks + " of " + units);
            }
        } finally {
            identity.clearAuthentication();
        }
    }

    private void complete(String campaignId, String key, Map<String, Object> vars) {
        Task t = tasks.createTaskQuery().taskDefinitionKey(key).processVariableValueEquals(CampaignProcess.VAR_CAMPAIGN_ID, campaignId)
                .singleResult();
        forms.submitTaskForm(t.getId(), new HashMap<>(vars));
    }

    private void runJobs() {
        while (true) {
            List<Job> jobs = management.createJobQuery().executable().listPage(0, 1);
            if (jobs.isEmpty()) {
                return;
            }
            management.executeJob(jobs.get(0).getId());
        }
    }


    private static String ms(double millis) {
        return BigDecimal.valueOf(millis).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    private static String fmt(double x, int scale) {
        return BigDecimal.valueOf(x).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
