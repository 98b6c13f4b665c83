package cn.duban.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting: the logged-in user of the request that completes a task or starts a process, else the task's assignee. */
final class Actor {

    static final String SYSTEM = "system";

    private Actor() {}

    static String of(DelegateTask task) {
        String user = authenticated(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
        if (user != null) {
            return user;
        }
        return task.getAssignee() != null ? task.getAssignee() : SYSTEM;
    }

    static String of(DelegateExecution execution) {
        String user = authenticated(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
        return user != null ? user : SYSTEM;
    }

    private static String authenticated(Authentication auth) {
        return auth != null ? auth.getUserId() : null;
    }
}
