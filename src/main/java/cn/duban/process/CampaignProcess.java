package cn.duban.process;

import static cn.duban.process.ProcessVariable.string;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.distribution.CampaignClosing;
import cn.duban.reminder.ReminderService;
import cn.duban.support.Dates;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * bpmn/campaign.bpmn, a campaign from the drafter's start to its archive: its key, element ids and variables,
 * what its start form and tasks may hand in, and every expression and service task of the model, which call
 * it as {@code ${campaignFlow.…}}.
 *
 * <p>The campaign is the instance's business key, set by 创建活动草稿; the variable {@code campaignId} is there
 * for Tasklist and the forms to show and is never read here.
 */
@Component(CampaignProcess.FLOW)
public class CampaignProcess {

    public static final String KEY = "campaign";
    public static final String FLOW = "campaignFlow";

    public static final String CREATE_CAMPAIGN = "createCampaign";
    public static final String APPROVE_NOTICE = "approveNotice";
    public static final String ISSUE_NOTICE = "issueNotice";
    public static final String PERIODIC_GATEWAY = "periodicReturn";
    public static final String OPEN_SERIES = "openSeries";
    public static final String DISTRIBUTE_NOTICE = "distributeNotice";
    public static final String MONITOR_REPORTS = "monitorReports";
    public static final String DAILY_REMINDER_TIMER = "dailyReminderTimer";
    public static final String SEND_REMINDERS = "sendReminders";
    public static final String CLOSE_CAMPAIGN = "closeCampaign";
    public static final String SUMMARIZE_COUNTY = "summarizeCounty";
    public static final String ARCHIVE_CAMPAIGN = "archiveCampaign";
    public static final String MESSAGE_ALL_APPROVED = "allReportsApproved";

    /** Set by 创建活动草稿 for Tasklist and the forms to show. */
    public static final ProcessVariable<String> CAMPAIGN_ID = string("campaignId");
    /** What the start form hands in. */
    public static final ProcessVariable<String> TEMPLATE_CODE = string("templateCode");
    public static final ProcessVariable<String> DEADLINE = string("deadline");

    /** What the start form may hand in; a client that sends anything else is refused ({@link ClientInputGuard}). */
    static final Set<ProcessVariable<?>> START_INPUTS = Set.of(TEMPLATE_CODE, DEADLINE);
    /** 跟踪报送进度 and 汇总全县数据 take nothing: completing them is the decision. */
    static final Map<String, Set<ProcessVariable<?>>> FORM_INPUTS = Map.of(MONITOR_REPORTS, Set.of(), SUMMARIZE_COUNTY, Set.of());

    private final CampaignService campaigns;
    private final CampaignClosing closing;
    private final ReminderService reminders;
    private final cn.duban.campaign.CampaignAccess access;
    private final org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.RuntimeService> runtime;

    public CampaignProcess(CampaignService campaigns, CampaignClosing closing, ReminderService reminders,
                           org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.RuntimeService> runtime,
                           cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.campaigns = campaigns;
        this.closing = closing;
        this.reminders = reminders;
        this.runtime = runtime;
    }

    /** The campaign an instance runs: its business key. */
    static String campaignId(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("campaign instance " + execution.getProcessInstanceId() + " has no business key");
        }
        return id;
    }

    private static String campaignId(DelegateTask task) {
        return campaignId(task.getExecution());
    }

    /** candidateGroups of 跟踪报送进度: the notice's office, all of it (its drafters, reviewers and head). */
    public String officePeople(DelegateExecution execution) {
        String id = campaignId(execution);
        return java.util.Arrays.stream(cn.duban.identity.Roles.OfficeRole.values()).map(r -> access.group(id, r))
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** candidateGroups of 汇总全县数据: the office's drafters and its head. */
    public String summaryPeople(DelegateExecution execution) {
        String id = campaignId(execution);
        return access.group(id, cn.duban.identity.Roles.OfficeRole.DRAFTER) + "," + access.group(id, cn.duban.identity.Roles.OfficeRole.HEAD);
    }

    /** 创建活动草稿: the start form's template (and optional deadline) become a campaign drafted by whoever started it. */
    public void createDraft(DelegateExecution execution) {
        Campaign c = campaigns.createDraft(TEMPLATE_CODE.get(execution), Dates.day(DEADLINE.get(execution), "报送截止日期"),
                Actor.of(execution));
        execution.setProcessBusinessKey(c.id());
        CAMPAIGN_ID.set(execution, c.id());
        campaigns.linkProcessInstance(c.id(), execution.getProcessInstanceId());
    }

    /** 定期报送？ A notice signed off once for a series of periods (read from the campaign's template, not a variable). */
    public boolean isSeries(DelegateExecution execution) {
        return campaigns.get(campaignId(execution)).template().runsInPeriods();
    }

    /**
     * One period of a series, signed off with it: a campaign instance of its own, started at 印发通知 (issued,
     * distributed, reminded, closed and summed up as any notice), linked to its campaign.
     */
    public void startPeriod(String campaignId) {
        var instance = runtime.getObject().createProcessInstanceByKey(KEY).businessKey(campaignId)
                .setVariable(CAMPAIGN_ID.name(), campaignId).startBeforeActivity(ISSUE_NOTICE).execute();
        campaigns.linkProcessInstance(campaignId, instance.getId());
    }

    /** 印发通知: the deadline is fixed. */
    public void issue(DelegateExecution execution) {
        campaigns.issue(campaignId(execution));
    }

    /** 跟踪报送进度 completed by the section: refused before the deadline unless every unit is approved. */
    public void closeRequested(DelegateTask task) {
        closing.checkClosable(campaignId(task));
    }

    /** 每日催报检查: the timer's cycle, daily at the reminder hour. */
    public String dailyCycle(DelegateExecution execution) {
        return reminders.dailyCycle(campaignId(execution));
    }

    /** 发送催报与逾期汇总. */
    public void sendReminders(DelegateExecution execution) {
        reminders.dailyTick(campaignId(execution));
    }

    /** 结束征集. */
    public void close(DelegateExecution execution) {
        closing.close(campaignId(execution));
    }

    /** 归档活动. */
    public void archive(DelegateExecution execution) {
        campaigns.archive(campaignId(execution));
    }
}
