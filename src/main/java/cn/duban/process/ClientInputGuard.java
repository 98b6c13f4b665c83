package cn.duban.process;

import cn.duban.engine.ClientCalls;
import cn.duban.engine.ClientCalls.RefusedRequest;
import cn.duban.identity.Roles;
import cn.duban.support.Refusal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import cn.duban.identity.People;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.runtime.RestartProcessInstanceBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The one door through which a client's variables reach duban's processes. Every path a person can use —
 * Tasklist's own REST API (its forms' submit), {@code /engine-rest}, Cockpit — ends in the engine's task, form
 * and runtime services; this plugin puts guarded versions of them in place, which:
 *
 * <ul>
 *   <li>accept on a task only what its form hands in (each process's {@code FORM_INPUTS}) and on a campaign start
 *       only its start form's inputs; anything else — {@code unitCode=zyy}, a routing flag — is refused with
 *       403 before anything is written;</li>
 *   <li>(variable writes outside a form, a BPMN error or escalation thrown at a task, and who may do a task at all
 *       are {@link Duties}', asked at the engine's own permission points of every command);</li>
 *   <li>leave starting a process at a later activity, with listeners or mappings skipped, and restarting an
 *       ended one to operators, and starting any process but a campaign to nobody (duban starts the others);</li>
 *   <li>answer a refusal of duban's rules with its own status and Chinese message alone (the engine wraps what
 *       a listener throws in its own exception, which its REST API would answer with 500).</li>
 * </ul>
 *
 * A call counts as a client's when a user is authenticated and no engine command is running on the thread:
 * duban's own code inside listeners and delegates, and work the job executor does, is not a client.
 */
@Component
class ClientInputGuard extends AbstractProcessEnginePlugin {

    /** Per process key, per task: the variables its form may hand in. */
    static final Map<String, Map<String, Set<String>>> TASK_INPUTS = Map.of(
            UnitReportProcess.KEY, names(UnitReportProcess.FORM_INPUTS),
            NoticeApprovalProcess.KEY, names(NoticeApprovalProcess.FORM_INPUTS),
            CampaignProcess.KEY, names(CampaignProcess.FORM_INPUTS),
            CircularApprovalProcess.KEY, names(CircularApprovalProcess.FORM_INPUTS));

    /** The processes a person may start, with what the start form may hand in; duban starts every other one. */
    static final Map<String, Set<String>> START_INPUTS = Map.of(
            CampaignProcess.KEY, CampaignProcess.START_INPUTS.stream().map(ProcessVariable::name).collect(Collectors.toSet()));

    /** The processes duban starts itself: nobody starts them by hand, operators neither. */
    static final Set<String> DUBAN_STARTS = Set.of(NoticeApprovalProcess.KEY, DistributionProcess.KEY, UnitReportProcess.KEY,
            SeriesProcess.KEY, CircularApprovalProcess.KEY);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        configuration.setTaskService(new GuardedTaskService());
        configuration.setFormService(new GuardedFormService());
        configuration.setRuntimeService(new GuardedRuntimeService());
    }

    // ---- the rules

    /** Whether this call comes from a client: a person is logged in and no engine command runs on this thread. */
    boolean isClientCall() {
        return ClientCalls.isClientCall(configuration.getIdentityService());
    }

    private boolean isOperator() {
        List<String> groups = ClientCalls.groups(configuration.getIdentityService());
        return groups.contains(Roles.OPERATOR) || groups.contains(Roles.ADMIN);
    }

    /**
     * A task's form hands in only what the task accepts. Tasklist's forms send back, unchanged, the variables they
     * read ({@code campaignId} to know which notice to show): a value equal to the one the instance holds changes
     * nothing and is dropped; any other value of a variable the task does not accept is refused. Returns what is
     * left to submit.
     */
    <V> Map<String, V> checkTaskInputs(CommandExecutor executor, String taskId, Map<String, V> variables) {
        if (!isClientCall() || variables == null || variables.isEmpty()) {
            return variables;
        }
        Set<String> unchanged = new java.util.HashSet<>();
        TaskContract task = executor.execute(ctx -> {
            TaskEntity t = ctx.getTaskManager().findTaskById(taskId);
            if (t == null) {
                return null;
            }
            ProcessDefinitionEntity d = t.getProcessDefinition();
            Set<String> allowed = TASK_INPUTS.getOrDefault(d == null ? null : d.getKey(), Map.of())
                    .getOrDefault(t.getTaskDefinitionKey(), Set.of());
            Set<String> changed = new TreeSet<>();
            for (String name : variables.keySet()) {
                if (allowed.contains(name)) {
                    continue;
                }
                Object sent = variables.get(name) instanceof TypedValue tv ? tv.getValue() : variables.get(name);
                if (t.hasVariable(name) && Objects.equals(t.getVariable(name), sent)) {
                    unchanged.add(name);
                } else {
                    changed.add(name);
                }
            }
            return new TaskContract(t.getName(), changed);
        });
        if (task != null && !task.refused().isEmpty()) {
            throw refuse(new Refusal(Refusal.FORBIDDEN, "“" + task.name() + "”不接受 " + String.join("、", task.refused())
                    + "：这些由督办系统设置，提交时不能修改"));
        }
        return unchanged.isEmpty() ? variables : without(variables, unchanged);
    }

    /** The variables less some names, typed values (and so their transient flag) kept as they came. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> without(Map<String, V> variables, Set<String> names) {
        if (variables instanceof VariableMap typed) {
            VariableMap out = Variables.createVariables();
            typed.keySet().stream().filter(n -> !names.contains(n)).forEach(n -> out.putValueTyped(n, typed.getValueTyped(n)));
            return (Map<String, V>) out;
        }
        Map<String, V> out = new LinkedHashMap<>(variables);
        out.keySet().removeAll(names);
        return out;
    }

    /** A person starts only a campaign, at its start, with its start form's inputs; operators may do more. */
    void checkStart(CommandExecutor executor, String definitionId, String definitionKey, Collection<String> names,
                    boolean atLaterActivity) {
        if (!isClientCall()) {
            return;
        }
        String key = definitionKey != null ? definitionKey : executor.execute(ctx -> {
            var d = ctx.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(definitionId);
            return d.getKey();
        });
        Set<String> allowed = START_INPUTS.get(key);
        if (allowed == null) {
            if (!DUBAN_STARTS.contains(key) && isOperator()) {
                return; // not one of duban's processes (an operator's own, a benchmark's): none of duban's business
            }
            throw refuse(new Refusal(Refusal.FORBIDDEN, "该流程由督办系统自动启动，不能手动启动"));
        }
        if (atLaterActivity && !isOperator()) {
            throw refuse(new Refusal(Refusal.FORBIDDEN, "只有运维人员可以从流程中间的环节启动实例"));
        }
        Set<String> refused = new TreeSet<>(names == null ? Set.of() : names);
        refused.removeAll(allowed);
        if (!refused.isEmpty()) {
            throw refuse(new Refusal(Refusal.FORBIDDEN, "发起督办活动时不接受 " + String.join("、", refused)
                    + "：只能选择活动模板和报送截止日期"));
        }
    }

    void checkRestart() {
        if (isClientCall() && !isOperator()) {
            throw refuse(new Refusal(Refusal.FORBIDDEN, "只有运维人员可以重新启动已结束的流程实例"));
        }
    }

    <T> T translated(Supplier<T> call) {
        return ClientCalls.translated(configuration.getIdentityService(), call);
    }

    /**
     * A call on one task, answered as a person understands it when someone else was quicker (two reviewers open the
     * same report): a task claimed meanwhile is a 409 naming who has it, a task completed meanwhile a 409 asking to
     * refresh the list, both in Chinese, instead of the engine's 500 and its message.
     */
    <T> T onTask(String taskId, Supplier<T> call) {
        try {
            return translated(call);
        } catch (TaskAlreadyClaimedException e) {
            if (!isClientCall()) {
                throw e;
            }
            String holder = People.names(configuration.getIdentityService(), List.of(e.getTaskAssignee()))
                    .getOrDefault(e.getTaskAssignee(), "其他人");
            throw refuse(new Refusal(Refusal.CONFLICT, "该任务已由" + holder + "认领，请在列表中选择其他任务"));
        } catch (ProcessEngineException e) {
            if (!isClientCall() || taskExists(taskId)) {
                throw e;
            }
            throw refuse(new Refusal(Refusal.CONFLICT, "该任务已经办结（可能已由他人处理），请刷新任务列表"));
        }
    }

    void onTask(String taskId, Runnable call) {
        onTask(taskId, () -> {
            call.run();
            return null;
        });
    }

    private boolean taskExists(String taskId) {
        return taskId != null && configuration.getCommandExecutorTxRequired()
                .execute(ctx -> ctx.getTaskManager().findTaskById(taskId) != null);
    }

    void translated(Runnable call) {
        translated(() -> {
            call.run();
            return null;
        });
    }

    static RefusedRequest refuse(Refusal refusal) {
        return new RefusedRequest(refusal);
    }

    private record TaskContract(String name, Set<String> refused) {}

    private static Map<String, Set<String>> names(Map<String, Set<ProcessVariable<?>>> inputs) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        inputs.forEach((task, vars) -> out.put(task, vars.stream().map(ProcessVariable::name).collect(Collectors.toSet())));
        return Map.copyOf(out);
    }

    // ---- the guarded services

    private final class GuardedTaskService extends TaskServiceImpl {

        @Override
        public void complete(String taskId) {
            onTask(taskId, () -> super.complete(taskId));
        }

        @Override
        public void claim(String taskId, String userId) {
            onTask(taskId, () -> super.claim(taskId, userId));
        }

        @Override
        public void complete(String taskId, Map<String, Object> variables) {
            onTask(taskId, () -> super.complete(taskId, checkTaskInputs(commandExecutor, taskId, variables)));
        }

        @Override
        public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
            return onTask(taskId, () -> super.completeWithVariablesInReturn(taskId,
                    checkTaskInputs(commandExecutor, taskId, variables), deserializeValues));
        }

        @Override
        public void resolveTask(String taskId, Map<String, Object> variables) {
            Map<String, Object> checked = checkTaskInputs(commandExecutor, taskId, variables);
            translated(() -> super.resolveTask(taskId, checked));
        }
    }

    private final class GuardedFormService extends FormServiceImpl {

        @Override
        public void submitTaskForm(String taskId, Map<String, Object> properties) {
            onTask(taskId, () -> super.submitTaskForm(taskId, checkTaskInputs(commandExecutor, taskId, properties)));
        }

        @Override
        public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
            return onTask(taskId, () -> super.submitTaskFormWithVariablesInReturn(taskId,
                    checkTaskInputs(commandExecutor, taskId, properties), deserializeValues));
        }

        @Override
        public void submitTaskFormData(String taskId, Map<String, String> properties) {
            onTask(taskId, () -> super.submitTaskFormData(taskId, checkTaskInputs(commandExecutor, taskId, properties)));
        }

        @Override
        public org.camunda.bpm.engine.runtime.ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
            checkStart(commandExecutor, processDefinitionId, null, properties == null ? null : properties.keySet(), false);
            return translated(() -> super.submitStartForm(processDefinitionId, properties));
        }

        @Override
        public org.camunda.bpm.engine.runtime.ProcessInstance submitStartForm(String processDefinitionId, String businessKey,
                                                                              Map<String, Object> properties) {
            checkStart(commandExecutor, processDefinitionId, null, properties == null ? null : properties.keySet(), false);
            return translated(() -> super.submitStartForm(processDefinitionId, businessKey, properties));
        }

        @Override
        public org.camunda.bpm.engine.runtime.ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> properties) {
            checkStart(commandExecutor, processDefinitionId, null, properties == null ? null : properties.keySet(), false);
            return translated(() -> super.submitStartFormData(processDefinitionId, properties));
        }

        @Override
        public org.camunda.bpm.engine.runtime.ProcessInstance submitStartFormData(String processDefinitionId, String businessKey,
                                                                                  Map<String, String> properties) {
            checkStart(commandExecutor, processDefinitionId, null, properties == null ? null : properties.keySet(), false);
            return translated(() -> super.submitStartFormData(processDefinitionId, businessKey, properties));
        }
    }

    private final class GuardedRuntimeService extends RuntimeServiceImpl {

        @Override
        public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
            return new GuardedStart(commandExecutor, processDefinitionId, null);
        }

        @Override
        public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
            return new GuardedStart(commandExecutor, null, processDefinitionKey);
        }

        @Override
        public RestartProcessInstanceBuilder restartProcessInstances(String processDefinitionId) {
            checkRestart();
            return super.restartProcessInstances(processDefinitionId);
        }
    }

    /** A process start, checked when it is executed (every start of the runtime service and the REST APIs comes here). */
    private final class GuardedStart extends ProcessInstantiationBuilderImpl {

        GuardedStart(CommandExecutor executor, String definitionId, String definitionKey) {
            super(executor);
            this.processDefinitionId = definitionId;
            this.processDefinitionKey = definitionKey;
        }

        @Override
        public ProcessInstanceWithVariables executeWithVariablesInReturn(boolean skipCustomListeners, boolean skipIoMappings) {
            checkStart(commandExecutor, processDefinitionId, processDefinitionKey, getVariables() == null ? null : getVariables().keySet(),
                    !getModificationBuilder().getModificationOperations().isEmpty() || skipCustomListeners || skipIoMappings);
            return translated(() -> super.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings));
        }
    }
}
