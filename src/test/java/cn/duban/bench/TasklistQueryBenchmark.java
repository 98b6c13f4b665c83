package cn.duban.bench;

import cn.duban.engine.H2Statements;
import cn.duban.identity.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Tasklist query benchmark: N open tasks (default 100,000) spread over U unit groups (default 1,000),
 * each with the authorization Camunda creates for its candidate group; then a unit reporter's "本单位待办"
 * as Tasklist asks for it — the saved filter, run as that user with authorization checks on: the count and
 * the first page of 15 newest tasks — against, as the baseline, a plain {@code SELECT COUNT(*)} over the
 * open tasks. Prints a table and exits. Command: see docs/benchmarks.md.
 */
@Component
@Order(102)
@ConditionalOnProperty(name = "duban.bench.tasklist", havingValue = "true")
class TasklistQueryBenchmark implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final FilterService filters;
    private final IdentityService identity;
    private final TransactionTemplate tx;
    private final ConfigurableApplicationContext context;
    private final ProcessEngineConfigurationImpl engine;
    private final int taskCount;
    private final int unitCount;
    private final int rounds;

    TasklistQueryBenchmark(JdbcTemplate jdbc, RepositoryService repository, RuntimeService runtime, TaskService tasks,
                           FilterService filters, IdentityService identity, TransactionTemplate tx,
                           ConfigurableApplicationContext context, ProcessEngineConfigurationImpl engine,
                           @Value("${duban.bench.tasks:100000}") int taskCount, @Value("${duban.bench.task-units:1000}") int unitCount,
                           @Value("${duban.bench.rounds:11}") int rounds) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.filters = filters;
        this.identity = identity;
        this.tx = tx;
        this.context = context;
        this.engine = engine;
        this.taskCount = taskCount;
        this.unitCount = unitCount;
        this.rounds = rounds;
    }

    @Override
    public void run(ApplicationArguments args) {
        String machine = Bench.machine(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion()));
        repository.createDeployment().addModelInstance("benchUnitTask.bpmn", Bpmn.createExecutableProcess("benchUnitTask")
                .camundaHistoryTimeToLive(1).startEvent().userTask("unitTask").name("签收通知并指定专人")
                .camundaCandidateGroups("${group}").endEvent().done()).deploy();
        long seedStart = System.nanoTime();
        for (int from = 0; from < taskCount; from += 500) {
            int start = from;
            tx.executeWithoutResult(s -> {
                for (int i = start; i < Math.min(taskCount, start + 500); i++) {
                    runtime.startProcessInstanceByKey("benchUnitTask", "bench:u" + (i % unitCount),
                            java.util.Map.of("group", Roles.unitGroup("u" + (i % unitCount))));
                }
            });
        }
        long seeded = System.nanoTime() - seedStart;
        String user = "u7-reporter";
        List<String> groups = List.of(Roles.REPORTER, Roles.unitGroup("u7"));
        Filter unitFilter = filters.createFilterQuery().filterName("本单位待办").singleResult();
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
                + c.getMetaData().getDatabaseProductVersion());

        double baseline = Timing.median(rounds, () -> jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class));
        double bare = Timing.median(rounds, () -> tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().count());
        double bareAuth = Timing.median(rounds, () -> as(user, groups, () -> tasks.createTaskQuery().taskCandidateGroupIn(groups).count()));
        double count = Timing.median(rounds, () -> as(user, groups, () -> filters.count(unitFilter.getId())));
        Supplier<Integer> firstPage = () -> as(user, groups, () -> filters.listPage(unitFilter.getId(),
                tasks.createTaskQuery().orderByTaskCreateTime().desc(), 0, 15).size());
        double page = Timing.median(rounds, firstPage);
        // on H2, the same two with Camunda's own statements in place of duban's (cn.duban.engine.H2Statements)
        boolean h2 = "h2".equals(engine.getDbSqlSessionFactory().getDatabaseType());
        double camundaCount = h2 ? Timing.median(rounds, () -> H2Statements.withCamundasOwn(engine,
                () -> as(user, groups, () -> filters.count(unitFilter.getId())))) : Double.NaN;
        double camundaPage = h2 ? Timing.median(rounds, () -> H2Statements.withCamundasOwn(engine, firstPage)) : Double.NaN;
        long visible = as(user, groups, () -> filters.count(unitFilter.getId()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SELECT COUNT(*) FROM ACT_RU_TASK (baseline)", Timing.ms(baseline), "1.0"});
        rows.add(new String[] {"candidate-group task count, no authorization check", Timing.ms(bare), Timing.ratio(bare, baseline)});
        rows.add(new String[] {"candidate-group task count, as the reporter (authorization checks on)", Timing.ms(bareAuth), Timing.ratio(bareAuth, baseline)});
        rows.add(new String[] {"本单位待办: count, as the reporter (authorization checks on)", Timing.ms(count), Timing.ratio(count, baseline)});
        rows.add(new String[] {"本单位待办: first 15, newest first, as the reporter", Timing.ms(page), Timing.ratio(page, baseline)});
        if (h2) {
            rows.add(new String[] {"本单位待办: count, Camunda's own statements", Timing.ms(camundaCount), Timing.ratio(camundaCount, baseline)});
            rows.add(new String[] {"本单位待办: first 15, Camunda's own statements", Timing.ms(camundaPage), Timing.ratio(camundaPage, baseline)});
        }
        System.out.printf("%nTasklist query benchmark on %s: %d open tasks over %d unit groups (seeded in %d s); the reporter sees %d; median of %d%n",
                database, taskCount, unitCount, seeded / 1_000_000_000, visible, rounds);
        System.out.println(machine);
        System.out.println("| what | median ms | × baseline |");
        System.out.println("| --- | ---: | ---: |");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        Bench.finish(context, "TasklistQueryBenchmark");
    }

    private <T> T as(String user, List<String> groups, Supplier<T> work) {
        identity.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
