package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * duban's H2 statements return what Camunda's own return: for every kind of task query the same tasks in the
 * same order and the same counts, under authorization checks too; and the same groups holding authorizations.
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2StatementsIT {

    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;
    @Autowired Driver driver;

    @BeforeAll
    void someTasksOfferedInEveryWay() {
        repository.createDeployment().addModelInstance("h2QueryProbe.bpmn", Bpmn.createExecutableProcess("h2QueryProbe")
                .camundaHistoryTimeToLive(1).startEvent().userTask("probe").name("探针任务")
                .camundaCandidateGroups("${groups}").camundaCandidateUsers("${users}").camundaAssignee("${assignee}")
                .endEvent().done()).deploy();
        start(List.of("unit-h2a"), List.of(), null);
        start(List.of("unit-h2a"), List.of(), "h2a-1");
        start(List.of("unit-h2b"), List.of(), null);
        start(List.of("unit-h2a", "unit-h2b"), List.of(), "h2b-1");
        start(List.of(), List.of("h2a-1"), null);
        start(List.of(), List.of(), "h2a-1");
        start(List.of("reporter"), List.of(), null);
        Task standalone = tasks.newTask();
        standalone.setName("独立任务");
        tasks.saveTask(standalone);
        tasks.addCandidateGroup(standalone.getId(), "unit-h2a");
        User user = identity.newUser("h2a-1");
        user.setPassword("H2-probe-Pass-2026!");
        identity.saveUser(user);
        identity.saveGroup(identity.newGroup("unit-h2a"));
        identity.createMembership("h2a-1", "unit-h2a");
    }

    private void start(List<String> groups, List<String> users, String assignee) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("groups", groups);
        vars.put("users", users);
        vars.put("assignee", assignee);
        runtime.startProcessInstanceByKey("h2QueryProbe", vars);
    }

    @Test
    void onH2TheTaskQueriesAreDubans() {
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        assertThat(sessions.mapStatement("selectTaskByQueryCriteria")).isEqualTo(H2Statements.NAMESPACE + ".selectTaskByQueryCriteria_h2");
        assertThat(sessions.mapStatement("selectTaskCountByQueryCriteria")).isEqualTo(H2Statements.NAMESPACE + ".selectTaskCountByQueryCriteria_h2");
        assertThat(sessions.mapStatement("selectAuthorizedGroupIds")).isEqualTo(H2Statements.NAMESPACE + ".selectAuthorizedGroupIds_h2");
        assertThat(sessions.mapStatement("selectTask")).isEqualTo("selectTask");
    }

    @Test
    void everyKindOfTaskQueryFindsWhatCamundasOwnStatementFinds() {
        Map<String, Supplier<TaskQuery>> queries = new LinkedHashMap<>();
        queries.put("one candidate group", () -> tasks.createTaskQuery().taskCandidateGroup("unit-h2a"));
        queries.put("candidate group, assigned included", () -> tasks.createTaskQuery().taskCandidateGroup("unit-h2a").includeAssignedTasks());
        queries.put("candidate groups, assigned included", () -> tasks.createTaskQuery().taskCandidateGroupIn(List.of("unit-h2a", "reporter")).includeAssignedTasks());
        queries.put("two candidate groups", () -> tasks.createTaskQuery().taskCandidateGroupIn(List.of("unit-h2b", "unit-h2a")));
        queries.put("candidate user (and the user's groups)", () -> tasks.createTaskQuery().taskCandidateUser("h2a-1"));
        queries.put("candidate user, assigned included", () -> tasks.createTaskQuery().taskCandidateUser("h2a-1").includeAssignedTasks());
        queries.put("candidate group pattern", () -> tasks.createTaskQuery().taskCandidateGroupLike("unit-h2%").includeAssignedTasks());
        queries.put("involved user", () -> tasks.createTaskQuery().taskInvolvedUser("h2a-1"));
        queries.put("with candidate groups", () -> tasks.createTaskQuery().withCandidateGroups());
        queries.put("without candidate groups", () -> tasks.createTaskQuery().withoutCandidateGroups());
        queries.put("candidate group OR assignee", () -> tasks.createTaskQuery().or().taskCandidateGroup("unit-h2b").taskAssignee("h2a-1").endOr());
        queries.put("candidate group AND (assignee OR name)", () -> tasks.createTaskQuery().taskCandidateGroup("unit-h2a").includeAssignedTasks()
                .or().taskAssignee("h2a-1").taskName("独立任务").endOr());
        queries.put("assignee only", () -> tasks.createTaskQuery().taskAssignee("h2a-1"));

        Map<String, Integer> sizes = new LinkedHashMap<>();
        queries.forEach((what, query) -> {
            List<String> dubans = ids(query);
            List<String> camundas = withCamundasStatements(() -> ids(query));
            assertThat(dubans).as(what).isEqualTo(camundas);
            assertThat(query.get().count()).as(what + ": count").isEqualTo(withCamundasStatements(() -> query.get().count()));
            List<String> page = pageOf(query);
            assertThat(page).as(what + ": first page").isEqualTo(withCamundasStatements(() -> pageOf(query)));
            sizes.put(what, dubans.size());
        });
        // the probes are not empty: each query has something to agree on
        assertThat(sizes).containsEntry("one candidate group", 2)
                .containsEntry("candidate group, assigned included", 4)
                .containsEntry("candidate groups, assigned included", 5)
                .containsEntry("two candidate groups", 3)
                .containsEntry("candidate user (and the user's groups)", 3)
                .containsEntry("involved user", 3)
                .containsEntry("candidate group OR assignee", 3);
    }

    @Test
    void theUnitFilterAsAUnitMemberUnderAuthorizationChecksFindsTheSameTasks() {
        String filter = filters.createFilterQuery().filterName("本单位待办").singleResult().getId();
        List<String> dubans = driver.as("h2a-1", () -> filters.<Task>list(filter).stream().map(Task::getId).sorted().toList());
        List<String> camundas = withCamundasStatements(() -> driver.as("h2a-1",
                () -> filters.<Task>list(filter).stream().map(Task::getId).sorted().toList()));
        assertThat(dubans).hasSize(4).isEqualTo(camundas);
        assertThat(driver.as("h2a-1", () -> filters.count(filter)))
                .isEqualTo(withCamundasStatements(() -> driver.as("h2a-1", () -> filters.count(filter)))).isEqualTo(4L);
    }

    @Test
    void theGroupsHoldingAuthorizationsAreCamundasLessTheNullOfUserAuthorizations() {
        Set<String> dubans = authorizedGroups();
        Set<String> camundas = withCamundasStatements(this::authorizedGroups);
        assertThat(camundas).contains(null, "unit-h2a", "unit-h2b", "reporter");
        camundas.remove(null);
        assertThat(dubans).isEqualTo(camundas);
    }

    @SuppressWarnings("unchecked")
    private Set<String> authorizedGroups() {
        return configuration.getCommandExecutorTxRequired().execute(context -> new HashSet<>(
                (List<String>) context.getDbEntityManager().selectList("selectAuthorizedGroupIds")));
    }

    private List<String> ids(Supplier<TaskQuery> query) {
        return query.get().orderByTaskId().asc().list().stream().map(Task::getId).toList();
    }

    private List<String> pageOf(Supplier<TaskQuery> query) {
        return query.get().orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(0, 2).stream().map(Task::getId).toList();
    }

    private <T> T withCamundasStatements(Supplier<T> work) {
        return H2Statements.withCamundasOwn(configuration, work);
    }
}
