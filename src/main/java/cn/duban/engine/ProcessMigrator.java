package cn.duban.engine;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Moves the running instances of earlier versions of duban's processes onto the version just deployed, with
 * Camunda's migration API (activities mapped by their business ids, which stay the same from one version to
 * the next), so that no hook of an earlier model has to be kept: a campaign issued before an upgrade runs on
 * after it with the new model's expressions and listeners.
 *
 * <p>Instances are moved a few hundred at a time, each batch in its own transaction. What a plan cannot map (an
 * instance waiting in an activity the new model no longer has) stays on its version and is logged by id, for an
 * operator to move in Cockpit. Several nodes starting at once may race for the same instances: the loser's
 * batch fails on the engine's optimistic lock and the winner's stands.
 */
@Component
@Order(1)
public class ProcessMigrator implements ApplicationRunner {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ProcessMigrator.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    public ProcessMigrator(RepositoryService repositoryService, RuntimeService runtimeService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    @Override
    public void run(ApplicationArguments args) {
        migrateAll();
    }

    /** Moves every running instance of an older version of each deployed process to its latest version; returns how many. */
    public int migrateAll() {
        int moved = 0;
        for (ProcessDefinition latest : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            for (ProcessDefinition old : repositoryService.createProcessDefinitionQuery().processDefinitionKey(latest.getKey())
                    .orderByProcessDefinitionVersion().asc().list()) {
                if (old.getVersion() < latest.getVersion()) {
                    moved += migrate(old, latest);
                }
            }
        }
        return moved;
    }

    private int migrate(ProcessDefinition from, ProcessDefinition to) {
        if (runtimeService.createProcessInstanceQuery().processDefinitionId(from.getId()).count() == 0) {
            return 0;
        }
        MigrationPlan plan;
        try {
            plan = runtimeService.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().updateEventTriggers().build();
        } catch (RuntimeException e) {
            log.warn("Instances of {} v{} stay on their version: no migration plan to v{} ({})", from.getKey(), from.getVersion(),
                    to.getVersion(), e.getMessage());
            return 0;
        }
        int moved = 0;
        while (true) {
            List<String> ids = runtimeService.createProcessInstanceQuery().processDefinitionId(from.getId())
                    .listPage(0, BATCH).stream().map(p -> p.getId()).toList();
            if (ids.isEmpty()) {
                break;
            }
            try {
                runtimeService.newMigration(plan).processInstanceIds(ids).execute();
                moved += ids.size();
            } catch (RuntimeException batchFailed) {
                int before = moved;
                for (String id : ids) {
                    try {
                        runtimeService.newMigration(plan).processInstanceIds(id).execute();
                        moved++;
                    } catch (RuntimeException e) {
                        log.warn("Instance {} of {} v{} stays on its version: {}", id, from.getKey(), from.getVersion(), e.getMessage());
                    }
                }
                if (moved == before) {
                    break; // none of this batch can move: the rest are left for an operator
                }
            }
        }
        log.info("Moved {} instance(s) of {} from v{} to v{}", moved, from.getKey(), from.getVersion(), to.getVersion());
        return moved;
    }
}
