package cn.duban.process;

import cn.duban.engine.ClientCommands;
import cn.duban.identity.People;
import cn.duban.support.Refusal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * What a person may do to duban's processes through the engine, on every path (Tasklist, Cockpit, /engine-rest, the
 * Java API), asked by {@link ClientCommands} at each of the engine's own permission points of a person's command:
 *
 * <ul>
 *   <li>a task is done — completed, submitted, claimed, decided — only as {@link TaskDuty} says: by its holder, or
 *       when nobody holds it by one of the candidates the model named; an operator or the administrator has no duty;</li>
 *   <li>who holds a task changes only by its holder or a candidate claiming it, giving it back or passing it on, and
 *       only to a candidate; its candidates, owner, delegation, name, priority and due date are duban's;</li>
 *   <li>duban's instances are not deleted, modified, suspended, moved by a message or a signal, nor their timers
 *       moved or fired by hand, nor their history deleted: withdrawing a unit is duban's own action
 *       ({@code POST /api/campaigns/{id}/units/{unit}/withdrawal}), with its reason, on the 督办看板 and in the audit;</li>
 *   <li>their variables are written by the task forms only ({@link ClientInputGuard} checks what each form hands in).</li>
 * </ul>
 *
 * What operators do stays theirs: they read everything in Cockpit, retry failed jobs, annotate and resolve incidents.
 * Processes that are not duban's (an operator's own) are none of this class's business.
 */
@Component
class Duties implements ClientCommands.ClientCommandRule {

    /** duban's processes, by key. */
    static final Set<String> PROCESSES = Set.of(CampaignProcess.KEY, NoticeApprovalProcess.KEY, CircularApprovalProcess.KEY,
            SeriesProcess.KEY, DistributionProcess.KEY, UnitReportProcess.KEY);

    static final String NOT_BY_HAND = "督办流程由督办系统推进，不能手动删除、修改、挂起或触发；如需撤销某单位的报送，请在督办看板上操作";
    static final String ASSIGNMENT_IS_DUBANS = "督办任务的候选人、委托、期限和名称由督办系统设定，不能手动修改";
    static final String VARIABLES_ARE_DUBANS = "流程变量由督办系统维护，不能直接修改；请通过任务表单办理";

    /** The batch operations an operator may start: retries only (a batch would delete, move or rewrite duban's instances). */
    private static final Set<Permission> BATCHES = Set.of(BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES,
            BatchPermissions.CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES);

    @Override
    public void check(String check, Object[] args, Command<?> command, Authentication person) {
        switch (check) {
            case "checkTaskWork" -> work((TaskEntity) args[0], command, person);
            case "checkTaskAssign" -> assign((TaskEntity) args[0], command, person);
            case "checkDeleteTask" -> {
                if (isDubans((TaskEntity) args[0])) {
                    throw refused(NOT_BY_HAND);
                }
            }
            case "checkUpdateTaskVariable" -> {
                if (isDubans((TaskEntity) args[0])) {
                    throw refused(VARIABLES_ARE_DUBANS);
                }
            }
            case "checkUpdateProcessInstanceVariables" -> {
                if (isDubans((ExecutionEntity) args[0])) {
                    throw refused(VARIABLES_ARE_DUBANS);
                }
            }
            case "checkDeleteProcessInstance" -> {
                if (isDubans((ExecutionEntity) args[0])) {
                    throw refused(NOT_BY_HAND);
                }
            }
            case "checkUpdateProcessInstance" -> {
                // incidents are the operator's: annotate them, resolve them; everything else moves the instance
                if (isDubans((ExecutionEntity) args[0])
                        && !(command instanceof SetAnnotationForIncidentCmd || command instanceof ResolveIncidentCmd)) {
                    throw refused(NOT_BY_HAND);
                }
            }
            case "checkUpdateProcessInstanceById" -> {
                // a message, a signal, a job suspended; comments on the instance aside
                if (isDubansInstance((String) args[0]) && !(command instanceof UpdateCommentCmd
                        || command instanceof DeleteProcessInstanceCommentCmd)) {
                    throw refused(NOT_BY_HAND);
                }
            }
            case "checkUpdateProcessInstanceSuspensionStateById" -> {
                if (isDubansInstance((String) args[0])) {
                    throw refused(NOT_BY_HAND);
                }
            }
            case "checkUpdateProcessInstanceSuspensionStateByProcessDefinitionId", "checkUpdateProcessDefinitionSuspensionStateById",
                 "checkDeleteProcessDefinitionById" -> {
                if (isDubansDefinition((String) args[0])) {
                    throw refused(NOT_BY_HAND);
                }
            }
            case "checkUpdateProcessInstanceSuspensionStateByProcessDefinitionKey", "checkUpdateProcessDefinitionSuspensionStateByKey",
                 "checkDeleteProcessDefinitionByKey" -> {
                if (PROCESSES.contains((String) args[0])) {
                    throw refused(NOT_BY_HAND);
                }
            }
            // a job definition's or a definition's jobs suspended: every campaign's reminders and openings would stop
            case "checkUpdateProcessInstanceByProcessDefinitionId", "checkUpdateProcessDefinitionById" -> {
                if (suspends(command) && isDubansDefinition((String) args[0])) {
                    throw refused(NOT_BY_HAND);
                }
            }
            case "checkUpdateProcessInstanceByProcessDefinitionKey", "checkUpdateProcessDefinitionByKey" -> {
                if (suspends(command) && PROCESSES.contains((String) args[0])) {
                    throw refused(NOT_BY_HAND);
                }
            }
            case "checkDeleteDeployment" -> {
                if (Context.getCommandContext().getProcessDefinitionManager().findProcessDefinitionsByDeploymentId((String) args[0])
                        .stream().anyMatch(d -> PROCESSES.contains(d.getKey()))) {
                    throw refused("督办流程的部署由督办系统维护，不能删除");
                }
            }
            case "checkUpdateJob" -> job((JobEntity) args[0], command);
            case "checkCreateBatch" -> {
                if (!BATCHES.contains((Permission) args[0])) {
                    throw refused("督办流程不接受批量删除、修改、迁移或写入变量；可批量操作的只有失败作业的重试");
                }
            }
            case "checkDeleteHistoricProcessInstance" -> {
                if (PROCESSES.contains(((HistoricProcessInstance) args[0]).getProcessDefinitionKey())) {
                    throw refused(HISTORY_IS_THE_RECORD);
                }
            }
            case "checkDeleteHistoricTaskInstance" -> {
                if (PROCESSES.contains(((HistoricTaskInstanceEntity) args[0]).getProcessDefinitionKey())) {
                    throw refused(HISTORY_IS_THE_RECORD);
                }
            }
            case "checkDeleteHistoricVariableInstance", "checkDeleteHistoricVariableInstancesByProcessInstance",
                 "checkDeleteUserOperationLog" -> throw refused(HISTORY_IS_THE_RECORD);
            default -> { }
        }
    }

    static final String HISTORY_IS_THE_RECORD = "督办流程的历史记录是谁在何时办理了什么的凭据，不能删除";

    // ---- tasks

    private void work(TaskEntity task, Command<?> command, Authentication person) {
        if (!isDubans(task)) {
            return;
        }
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd || command instanceof ClaimTaskCmd
                || command instanceof UpdateCommentCmd || command instanceof DeleteTaskCommentCmd) {
            TaskDuty duty = duty(task);
            if (command instanceof ClaimTaskCmd) {
                // a candidate may claim; one a colleague holds already, the engine refuses (409, naming who has it)
                if (!duty.mayHandOn(person.getUserId(), groups(person))) {
                    throw refused(notYours(task, duty));
                }
                givenOnlyToACandidate(task);
            } else if (!duty.mayDo(person.getUserId(), groups(person))) {
                throw refused(notYours(task, duty));
            }
            return;
        }
        // a BPMN error or an escalation thrown at the task would end it by another way than its form
        throw refused("督办的任务不能抛出 BPMN 错误或触发升级事件，请通过任务表单办理");
    }

    private void assign(TaskEntity task, Command<?> command, Authentication person) {
        if (!isDubans(task)) {
            return;
        }
        if (!(command instanceof AssignTaskCmd || command instanceof SetTaskFollowUpDateCmd)) {
            throw refused(ASSIGNMENT_IS_DUBANS);
        }
        TaskDuty duty = duty(task);
        if (!duty.mayHandOn(person.getUserId(), groups(person))) {
            throw refused(notYours(task, duty));
        }
        if (command instanceof AssignTaskCmd) {
            givenOnlyToACandidate(task);
        }
    }

    /** After the command, the task is held by nobody or by one of its candidates (checked before anything is written). */
    private void givenOnlyToACandidate(TaskEntity task) {
        Context.getCommandContext().registerCommandContextListener(new CommandContextListener() {
            @Override
            public void onCommandContextClose(CommandContext ctx) {
                String holder = task.getAssignee();
                if (task.isDeleted() || holder == null) {
                    return;
                }
                List<String> holderGroups = ctx.runWithoutAuthorization(() -> ctx.getReadOnlyIdentityProvider()
                        .createGroupQuery(ctx).groupMember(holder).list()).stream().map(g -> g.getId()).toList();
                if (!duty(task).isCandidate(holder, holderGroups)) {
                    String name = People.names(ctx.getProcessEngineConfiguration().getIdentityService(), List.of(holder))
                            .getOrDefault(holder, "该用户");
                    throw refused("“" + TaskTitles.step(task.getName()) + "”不能交给" + name + "办理：只能由该环节的责任人办理");
                }
            }

            @Override
            public void onCommandFailed(CommandContext ctx, Throwable t) {
            }
        });
    }

    private static String notYours(TaskEntity task, TaskDuty duty) {
        String step = TaskTitles.step(task.getName());
        if (duty.assignee() != null) {
            String name = People.names(Context.getProcessEngineConfiguration().getIdentityService(), List.of(duty.assignee()))
                    .getOrDefault(duty.assignee(), "其他人");
            return "“" + step + "”由" + name + "办理，其他人不能办理或改派";
        }
        return "“" + step + "”不属于您的职责，不能办理";
    }

    static TaskDuty duty(TaskEntity task) {
        Set<String> users = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (IdentityLink link : task.getIdentityLinks()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
        }
        return new TaskDuty(task.getAssignee(), users, groups);
    }

    private static List<String> groups(Authentication person) {
        return person.getGroupIds() == null ? List.of() : person.getGroupIds();
    }

    private static boolean suspends(Command<?> command) {
        return command.getClass().getSimpleName().startsWith("Suspend");
    }

    // ---- jobs: retries are the operator's; a timer of duban's runs on its date

    private void job(JobEntity job, Command<?> command) {
        if (!PROCESSES.contains(job.getProcessDefinitionKey())) {
            return;
        }
        String name = command.getClass().getSimpleName();
        boolean movesTime = name.equals("SetJobDuedateCmd") || name.equals("RecalculateJobDuedateCmd") || name.equals("DeleteJobCmd");
        boolean firesTimerEarly = name.equals("ExecuteJobsCmd") && job instanceof TimerEntity;
        if (movesTime || firesTimerEarly) {
            throw refused("督办流程的定时作业按日期自动执行，不能手动提前、推迟或删除；失败的作业可以重试");
        }
    }

    // ---- whose

    private static boolean isDubans(TaskEntity task) {
        ProcessDefinitionEntity d = task.getProcessDefinition();
        return d != null && PROCESSES.contains(d.getKey());
    }

    private static boolean isDubans(ExecutionEntity execution) {
        ProcessDefinitionEntity d = execution.getProcessDefinition();
        return d != null && PROCESSES.contains(d.getKey());
    }

    private static boolean isDubansInstance(String processInstanceId) {
        ExecutionEntity e = processInstanceId == null ? null
                : Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
        return e != null && isDubans(e);
    }

    private static boolean isDubansDefinition(String definitionId) {
        ProcessDefinition d = definitionId == null ? null
                : Context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(definitionId);
        return d != null && PROCESSES.contains(d.getKey());
    }

    private static RuntimeException refused(String message) {
        return ClientInputGuard.refuse(new Refusal(Refusal.FORBIDDEN, message));
    }
}
