package cn.duban.process;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.unit.Unit;
import cn.duban.unit.Units;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of every duban process, as Tasklist lists it (issue #16): its name says what to do, for which
 * notice and which unit ("审核报送 · 2024年“3·15”国际消费者权益日活动方案 · 沂源县人民医院"), and work meant for one
 * person is theirs at once: a task offered to a single group with a single member is assigned to that member, so
 * the 科长 and the leader find it in 我的待办 without 认领. The model's own labels stay as they are (Cockpit shows
 * them); the name is set when the task is created, from the instance's business key ({@code campaignId} or
 * {@code campaignId:unitCode}) and duban's tables.
 */
@Component
public class TaskTitles extends AbstractProcessEnginePlugin {

    /** The longest notice title a task name carries (Camunda keeps 255 characters of a name). */
    static final int MAX_TITLE = 60;

    private final ObjectProvider<CampaignService> campaigns;
    private final ObjectProvider<Units> units;
    private final ObjectProvider<cn.duban.document.CircularApprovals> circulars;

    TaskTitles(ObjectProvider<CampaignService> campaigns, ObjectProvider<Units> units,
               ObjectProvider<cn.duban.document.CircularApprovals> circulars) {
        this.campaigns = campaigns;
        this.units = units;
        this.circulars = circulars;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskTitles.this::created);
            }
        });
    }

    void created(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        if (key == null || key.isBlank()) {
            return;
        }
        int colon = key.indexOf(':');
        String campaignId = colon < 0 ? key : key.substring(0, colon);
        String unitCode = colon < 0 ? null : key.substring(colon + 1);
        Optional<Campaign> campaign = campaigns.getObject().find(campaignId);
        String unitName = unitCode == null ? null : units.getObject().find(unitCode).map(Unit::name).orElse(null);
        String what = task.getName();
        // a contribution is one per item the unit cooperates on: the name says which
        Object item = task.getExecution().getVariableLocal(UnitReportProcess.ITEM_CODE.name());
        if (item != null) {
            what = what + SEPARATOR + "第 " + item + " 项";
        }
        // a circular's 核稿 and 签发 say which of the notice's circulars (第2期)
        if (CircularApprovalProcess.KEY.equals(((TaskEntity) task).getProcessDefinition().getKey())) {
            String ref = CircularApprovalProcess.CIRCULAR_ID.get(task.getExecution());
            if (ref != null && ref.matches("[0-9]{1,18}")) {
                what = what + SEPARATOR + circulars.getObject().get(Long.parseLong(ref)).issueLabel();
            }
        }
        task.setName(name(what, campaign.map(Campaign::title).orElse(null), unitName));
        if (task.getAssignee() == null) {
            soleCandidate((TaskEntity) task).ifPresent(task::setAssignee);
        }
    }

    /** Between the parts of a task's name. */
    public static final String SEPARATOR = " · ";

    /** The step alone ("审核报送"), for a list that is already about one notice (a campaign's audit trail). */
    public static String step(String taskName) {
        if (taskName == null) {
            return "";
        }
        int cut = taskName.indexOf(SEPARATOR);
        return cut < 0 ? taskName : taskName.substring(0, cut);
    }

    /** "what · which notice · which unit", the notice by its short title. */
    static String name(String what, String noticeTitle, String unitName) {
        StringBuilder s = new StringBuilder(what == null ? "" : what);
        if (noticeTitle != null && !noticeTitle.isBlank()) {
            String t = Campaign.shortTitle(noticeTitle);
            s.append(SEPARATOR).append(t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE - 1) + "…" : t);
        }
        if (unitName != null && !unitName.isBlank()) {
            s.append(SEPARATOR).append(unitName);
        }
        return s.length() > 255 ? s.substring(0, 254) + "…" : s.toString();
    }

    /** The one person the task is offered to: its only candidate group has only one member, and no user is a candidate. */
    private static Optional<String> soleCandidate(TaskEntity task) {
        List<IdentityLinkEntity> links = task.getIdentityLinks().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).toList();
        if (links.size() != 1 || links.get(0).getGroupId() == null) {
            return Optional.empty();
        }
        String group = links.get(0).getGroupId();
        CommandContext ctx = Context.getCommandContext();
        // the people of a group, read as the engine (the person whose step created the task may not list accounts)
        List<User> members = ctx.runWithoutAuthorization(() -> ctx.getReadOnlyIdentityProvider()
                .createUserQuery(ctx).memberOfGroup(group).listPage(0, 2));
        return members.size() == 1 ? Optional.of(members.get(0).getId()) : Optional.empty();
    }
}
