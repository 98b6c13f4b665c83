package cn.duban.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.LocalDateTime;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * duban's gauges for the operators, beside Spring Boot's (JVM, pool, HTTP) and Camunda's own ({@code camunda.*},
 * engine.EngineMetrics), all at {@code /actuator/prometheus}. Each reads a shared, cached reading ({@link OpsReadings});
 * the counters of logins live where logins are counted (identity.LoginThrottle). Names as Prometheus shows them:
 *
 * <ul>
 *   <li>{@code duban_reports_handed_in_last_hour} — hand-ins per hour, every campaign;
 *   <li>{@code duban_tasks_open{process,step,name}} — open tasks by step ({@code name} is the step's Chinese name);
 *   <li>{@code duban_units_overdue} — units overdue in the campaigns collecting reports;
 *   <li>{@code duban_outbox_pending}, {@code duban_outbox_failed}, {@code duban_outbox_oldest_pending_age_seconds};
 *   <li>{@code duban_jobs_executable}, {@code duban_jobs_oldest_executable_wait_seconds} (how far the job executors lag
 *       behind), {@code duban_jobs_failing} (failed, retries left), {@code duban_jobs_out_of_retries};
 *   <li>{@code duban_incidents_open{type}};
 *   <li>{@code duban_login_locks_active} (and the counters {@code duban_login_failures_total},
 *       {@code duban_login_lockouts_total{scope}}, {@code duban_login_blocked_total});
 *   <li>{@code duban_attachments_stored_bytes}.
 * </ul>
 */
@Component
class OpsMetrics implements MeterBinder {

    private final OpsReadings readings;
    private final RepositoryService repositoryService;
    private final Clock clock;
    private MeterRegistry registry;
    private final Set<String> steps = new HashSet<>();

    OpsMetrics(OpsReadings readings, RepositoryService repositoryService, Clock clock) {
        this.readings = readings;
        this.repositoryService = repositoryService;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        gauge(registry, "duban.reports.handed.in.last.hour", "Report versions handed in during the last hour, every campaign",
                () -> readings.handInsLastHour());
        gauge(registry, "duban.units.overdue", "Units overdue in the campaigns collecting reports", () -> readings.overdueUnits());
        gauge(registry, "duban.outbox.pending", "Mails waiting to be sent", () -> readings.outbox().pending());
        gauge(registry, "duban.outbox.failed", "Mails given up after their last attempt", () -> readings.outbox().failed());
        Gauge.builder("duban.outbox.oldest.pending.age", () -> {
                    LocalDateTime since = readings.outbox().oldestPendingSince();
                    return since == null ? 0 : Math.max(0, java.time.Duration.between(since, LocalDateTime.now(clock)).toSeconds());
                }).baseUnit("seconds").description("How long the mail waiting longest has waited").strongReference(true).register(registry);
        gauge(registry, "duban.jobs.executable", "Jobs due and free to be taken by a job executor", () -> readings.jobs().executable());
        Gauge.builder("duban.jobs.oldest.executable.wait", () -> readings.jobs().longestWait(readings.now()).toSeconds())
                .baseUnit("seconds").description("How long the job due longest ago has waited for a job executor")
                .strongReference(true).register(registry);
        gauge(registry, "duban.jobs.failing", "Jobs that failed and will be retried", () -> readings.jobs().failing());
        gauge(registry, "duban.jobs.out.of.retries", "Jobs out of retries (each has an incident)", () -> readings.jobs().outOfRetries());
        for (String type : List.of("failedJob", "failedExternalTask")) {
            Gauge.builder("duban.incidents.open", () -> readings.incidents().getOrDefault(type, 0)).tags(Tags.of("type", type))
                    .description("Open incidents").strongReference(true).register(registry);
        }
        gauge(registry, "duban.login.locks.active", "Login locks in force (accounts from an address, addresses)",
                () -> readings.activeLocks());
        Gauge.builder("duban.attachments.stored", () -> readings.storedBytes()).baseUnit("bytes")
                .description("Bytes of every uploaded file, all campaigns").strongReference(true).register(registry);
    }

    /**
     * A gauge per user task of every deployed process, once the processes are deployed (engine.ProcessDeployer runs
     * before the application is ready): steps of earlier versions are the same steps, as their instances are moved onto
     * the latest (engine.ProcessMigrator).
     */
    @EventListener(ApplicationReadyEvent.class)
    void registerSteps() {
        if (registry == null) {
            return;
        }
        for (var definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            var model = repositoryService.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String key = definition.getKey() + "/" + task.getId();
                if (steps.add(key)) {
                    Gauge.builder("duban.tasks.open", () -> readings.openTasks().getOrDefault(key, 0))
                            .tags(Tags.of("process", definition.getKey(), "step", task.getId(),
                                    "name", task.getName() == null ? task.getId() : task.getName()))
                            .description("Open tasks by step").strongReference(true).register(registry);
                }
            }
        }
    }

    private static void gauge(MeterRegistry registry, String name, String description, java.util.function.Supplier<Number> value) {
        Gauge.builder(name, value).description(description).strongReference(true).register(registry);
    }
}
