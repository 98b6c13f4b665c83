package cn.duban.mail;

import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links for mails: straight to a unit's open task in Tasklist, or to Tasklist when it has none. */
@Component
public class TasklistLinks {

    private final TaskService taskService;
    private final String tasklistUrl;

    public TasklistLinks(TaskService taskService,
                         @Value("${duban.mail.tasklist-url:http://localhost:8080/camunda/app/tasklist/default/}") String tasklistUrl) {
        this.taskService = taskService;
        this.tasklistUrl = tasklistUrl;
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
        if (processInstanceId == null) {
            return tasklistUrl;
        }
        return taskService.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().desc().list()
                .stream().findFirst().map(t -> task(t.getId())).orElse(tasklistUrl);
    }
}
