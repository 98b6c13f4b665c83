package cn.duban.mail;

import cn.duban.support.DubanProperties;
import cn.duban.support.InLists;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Links for mails: straight to a unit's open task in Tasklist, or to Tasklist when it has none. */
@Component
public class TasklistLinks {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final String tasklistUrl;

    public TasklistLinks(TaskService taskService, IdentityService identityService, DubanProperties settings) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.tasklistUrl = settings.mail().tasklistUrl();
    }

    public String tasklist() {
        return tasklistUrl;
    }

    /** A link that opens this task in Tasklist. */
    public String task(String taskId) {
        return tasklistUrl + "#/?task=" + taskId;
    }

    /** The newest open task of a process instance, as a Tasklist link. */
    public String openTask(String processInstanceId) {
        return processInstanceId == null ? tasklistUrl : openTasks(List.of(processInstanceId)).getOrDefault(processInstanceId, tasklistUrl);
    }

    /**
     * The newest open task of each of these process instances as a Tasklist link, with one task query per
     * {@link InLists} piece; an instance without an open task is left out (link to {@link #tasklist()} instead).
     */
    public Map<String, String> openTasks(List<String> processInstanceIds) {
        List<String> ids = processInstanceIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, Task> newest = new HashMap<>();
        // the link is the unit's, whoever sends the mail: a reviewer who urges cannot see the unit's tasks, and the
        // mail must still open the unit's own task (not Tasklist's start page)
        cn.duban.engine.ClientCalls.asDuban(identityService, () -> {
            for (List<String> piece : InLists.of(ids)) {
                taskService.createTaskQuery().processInstanceIdIn(piece.toArray(String[]::new))
                        .list()
                        .forEach(t -> newest.merge(t.getProcessInstanceId(), t,
                                (a, b) -> b.getCreateTime().after(a.getCreateTime()) ? b : a));
            }
            return null;
        });
        Map<String, String> links = new HashMap<>();
        newest.forEach((instance, t) -> links.put(instance, task(t.getId())));
        return links;
    }
}
