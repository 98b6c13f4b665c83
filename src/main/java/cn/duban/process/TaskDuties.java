package cn.duban.process;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Whose a task is, as Tasklist asks when a person opens it ({@link TaskDuty}, the one rule the engine applies too,
 * {@link Duties}): whether the person may do it now, and who holds it. Tasklist then takes a task nobody holds for the
 * person who may do it (认领 as part of opening it), and says who has one a colleague holds. Read under the person's
 * own authorizations: a task they cannot see is none of their business.
 */
@Service
public class TaskDuties {

    private final TaskService tasks;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final org.camunda.bpm.engine.IdentityService identity;

    TaskDuties(TaskService tasks, org.camunda.bpm.engine.RuntimeService runtime, org.camunda.bpm.engine.IdentityService identity) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
    }

    /**
     * @param mayDo     whether the person may do the task now (it is theirs, or nobody's and they are among its candidates)
     * @param holder    who holds it, or null
     * @param candidate whether the person is among those the task is offered to
     * @param campaignId the campaign the task is about (its instance's business key), or null for a process not duban's
     * @param unitCode   the unit it is about, or null
     */
    public record Duty(boolean mayDo, String holder, boolean candidate, String campaignId, String unitCode) {

        public Duty(boolean mayDo, String holder, boolean candidate) {
            this(mayDo, holder, candidate, null, null);
        }
    }

    /** The person's duty on a task they can see; empty when the task is done, gone or not theirs to see. */
    public Optional<Duty> of(String taskId, String user, List<String> groups) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        Set<String> users = new HashSet<>();
        Set<String> candidateGroups = new HashSet<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
                if (link.getGroupId() != null) {
                    candidateGroups.add(link.getGroupId());
                }
            }
        }
        TaskDuty duty = new TaskDuty(task.getAssignee(), users, candidateGroups);
        // which campaign and unit: the instance's business key, read as duban (the person may see the task, not the instance)
        String key = businessKey(task.getProcessInstanceId());
        String campaignId = key == null ? null : key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
        String unitCode = key != null && key.contains(":") ? key.substring(key.indexOf(':') + 1) : null;
        return Optional.of(new Duty(duty.mayDo(user, groups), task.getAssignee(), duty.isCandidate(user, groups), campaignId, unitCode));
    }

    private String businessKey(String processInstanceId) {
        if (processInstanceId == null) {
            return null;
        }
        return cn.duban.engine.ClientCalls.asDuban(identity, () -> {
            var instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
            String key = instance == null ? null : instance.getBusinessKey();
            return key == null || key.isBlank() ? null : key;
        });
    }
}
