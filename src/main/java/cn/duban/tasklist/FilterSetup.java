package cn.duban.tasklist;

import cn.duban.identity.IdentitySetup;
import cn.duban.process.UnitReportProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created once and readable by everybody. What each shows is still cut
 * down by Camunda's authorizations, so a unit's 本单位待办 holds only its own unit's tasks.
 */
@Component
@Order(3)
public class FilterSetup implements ApplicationRunner {

    private final FilterService filterService;
    private final TaskService taskService;
    private final IdentitySetup identity;

    public FilterSetup(FilterService filterService, TaskService taskService, IdentitySetup identity) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure("我的待办", -10, "指派给我的任务", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensure("本单位待办", -5, "本单位（我所在组）的任务，含已指派的",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        ensure("待审核报送", 0, "各单位已报送、等待本科室审核的报送",
                taskService.createTaskQuery().processDefinitionKey(UnitReportProcess.KEY).taskDefinitionKey(UnitReportProcess.REVIEW_REPORT));
        ensure("已逾期", 5, "已过报送期限仍未办结的任务", taskService.createTaskQuery().dueBeforeExpression("${now()}"));
    }

    /**
     * Creates the filter, or brings an existing one's display up to date (an install from before #16 listed codes,
     * 单位编码 and 活动编号, under each task: the task's name now says which notice and which unit, by name).
     */
    private void ensure(String name, int priority, String description, TaskQuery query) {
        Map<String, Object> properties = Map.of(
                "description", description,
                "priority", priority,
                "refresh", true,
                "variables", List.of());
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            if (!properties.equals(existing.getProperties())) {
                existing.setProperties(properties);
                filterService.saveFilter(existing);
            }
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setOwner("admin")
                .setQuery(query)
                .setProperties(properties);
        filterService.saveFilter(filter);
        identity.grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
