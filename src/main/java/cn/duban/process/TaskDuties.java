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

    TaskDuties(TaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * @param mayDo     whether the person may do the task now (it is theirs, or nobody's and they are among its candidates)
     * @param holder    who holds it, or null
     * @param candidate whether the person is among those the task is offered to
     */
    public record Duty(boolean mayDo, String holder, boolean candidate) {}

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
        return Optional.of(new Duty(duty.mayDo(user, groups), task.getAssignee(), duty.isCandidate(user, groups)));
    }
}
