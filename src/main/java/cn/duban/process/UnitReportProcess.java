package cn.duban.process;

import static cn.duban.process.ProcessVariable.bool;
import static cn.duban.process.ProcessVariable.string;

import cn.duban.campaign.CampaignService;
import cn.duban.distribution.UnitProcesses;
import cn.duban.identity.Roles;
import cn.duban.report.ContributionService;
import cn.duban.report.ReportPayload;
import cn.duban.report.ReportService;
import cn.duban.report.UnitReport;
import cn.duban.report.UnitStatus;
import cn.duban.support.Dates;
import cn.duban.unit.Units;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.duban.engine.ClientCalls;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * bpmn/unitReport.bpmn, one unit's report in one campaign: its key, element ids and variables, what each
 * task's form may hand in, and every expression, listener and service task of the model, which call it as
 * {@code ${unitReportFlow.…}}. Each maps the variables in, calls one service, and maps the result back.
 *
 * <p>Who the work belongs to is the business key, {@code campaignId:unitCode}, which distribution sets and no
 * client can change, checked against the unit's row in duban_campaign_unit. Routing comes from duban's tables
 * too (the template says whether the head approves, the recorded decisions say where a report goes next). The
 * variables {@code campaignId} and {@code unitCode} are there for Tasklist and the forms to show; nothing here
 * reads them.
 */
@Component(UnitReportProcess.FLOW)
public class UnitReportProcess implements UnitProcesses {

    public static final String KEY = "unitReport";
    /** The bean the model's expressions call. */
    public static final String FLOW = "unitReportFlow";

    public static final String SIGN_NOTICE = "signNotice";
    public static final String PREPARE_REPORT = "prepareReport";
    public static final String SEND_CONTRIBUTION = "sendContribution";
    public static final String FILL_REPORT = "fillReport";
    public static final String APPROVE_BY_HEAD = "approveByHead";
    public static final String REVIEW_REPORT = "reviewReport";
    public static final String RECORD_APPROVAL = "recordApproval";
    public static final String REPORT_APPROVED_END = "reportApproved";
    public static final String MESSAGE_CAMPAIGN_CLOSED = "campaignClosed";
    public static final String MESSAGE_UNIT_WITHDRAWN = "unitWithdrawn";
    public static final String REPORT_WITHDRAWN_END = "reportWithdrawn";

    /** Set at the start for Tasklist and the forms to show. */
    public static final ProcessVariable<String> CAMPAIGN_ID = string("campaignId");
    public static final ProcessVariable<String> UNIT_CODE = string("unitCode");
    /** The element variable of 向牵头单位报送配合情况, one instance per item (set by the engine). */
    public static final ProcessVariable<String> ITEM_CODE = string("itemCode");

    /** What the forms hand in. */
    public static final ProcessVariable<String> REPORTER = string("reporter");
    public static final ProcessVariable<String> REPORT = string("report");
    public static final ProcessVariable<String> CONTRIBUTION = string("contribution");
    public static final ProcessVariable<Boolean> HEAD_APPROVED = bool("headApproved");
    public static final ProcessVariable<Boolean> REPORT_APPROVED = bool("reportApproved");
    public static final ProcessVariable<String> COMMENT = string("comment");
    public static final ProcessVariable<String> NEW_DUE_DATE = string("newDueDate");

    /** What each task's form may hand in; a client that sends anything else is refused ({@link ClientInputGuard}). */
    static final Map<String, Set<ProcessVariable<?>>> FORM_INPUTS = Map.of(
            SIGN_NOTICE, Set.of(REPORTER),
            SEND_CONTRIBUTION, Set.of(CONTRIBUTION),
            FILL_REPORT, Set.of(REPORT),
            APPROVE_BY_HEAD, Set.of(HEAD_APPROVED, COMMENT),
            REVIEW_REPORT, Set.of(REPORT_APPROVED, COMMENT, NEW_DUE_DATE));

    private final ReportService reports;
    private final ContributionService contributions;
    private final CampaignService campaigns;
    private final Units units;
    private final RuntimeService runtimeService;
    private final cn.duban.report.Rollups rollups;
    private final IdentityService identityService;
    private final cn.duban.campaign.CampaignAccess access;

    public UnitReportProcess(ReportService reports, ContributionService contributions, CampaignService campaigns,
                             Units units, RuntimeService runtimeService, cn.duban.report.Rollups rollups,
                             IdentityService identityService, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.rollups = rollups;
        this.identityService = identityService;
        this.reports = reports;
        this.contributions = contributions;
        this.campaigns = campaigns;
        this.units = units;
        this.runtimeService = runtimeService;
    }

    public static String businessKey(String campaignId, String unitCode) {
        return campaignId + ":" + unitCode;
    }

    /** The campaign and unit whose report an instance is. */
    record Owner(String campaignId, String unitCode) {}

    /**
     * The owner from the business key, once duban's row confirms it: the unit is in the campaign and this is
     * its instance (the row names no instance only while distribution is starting it, in the same transaction).
     */
    Owner owner(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException("unit report instance " + execution.getProcessInstanceId() + " has no business key");
        }
        Owner owner = new Owner(key.substring(0, colon), key.substring(colon + 1));
        UnitReport row = reports.unit(owner.campaignId(), owner.unitCode());
        if (row.processInstanceId() != null && !row.processInstanceId().equals(execution.getProcessInstanceId())) {
            throw new IllegalStateException("instance " + execution.getProcessInstanceId() + " is not the report of "
                    + key + " (" + row.processInstanceId() + " is)");
        }
        return owner;
    }

    private Owner owner(DelegateTask task) {
        return owner(task.getExecution());
    }

    // ---- starting and ending (for distribution and closing)

    @Override
    public String start(String campaignId, String unitCode) {
        // duban's own start, also when a person asked for it (补发 on the 督办看板): not the person's call, which is refused
        return ClientCalls.asDuban(identityService, () -> runtimeService.startProcessInstanceByKey(KEY, businessKey(campaignId, unitCode),
                Map.of(CAMPAIGN_ID.name(), campaignId, UNIT_CODE.name(), unitCode)).getId());
    }

    @Override
    public void endCollection(String processInstanceId) {
        runtimeService.createMessageCorrelation(MESSAGE_CAMPAIGN_CLOSED).processInstanceId(processInstanceId).correlateAll();
    }

    /** duban moves its own instances on as itself: a person's message to one of them is refused ({@link Duties}). */
    @Override
    public void withdrawn(String campaignId, String processInstanceId) {
        ClientCalls.asDuban(identityService, () -> {
            if (processInstanceId != null) {
                runtimeService.createMessageCorrelation(MESSAGE_UNIT_WITHDRAWN).processInstanceId(processInstanceId).correlateAll();
            }
            moveOnIfAllApproved(campaignId);
            return null;
        });
    }

    // ---- expressions of the model

    /** candidateGroups of the unit's tasks: the unit's own group. */
    public String unitGroup(DelegateExecution execution) {
        return Roles.unitGroup(owner(execution).unitCode());
    }

    /**
     * candidateGroups of 审核报送: the section's reviewers, or — for a member of a two-level roll-up — the
     * intermediate unit it reports to (from duban's tables: the campaign's units and the registry's parents).
     */
    public String reviewGroup(DelegateExecution execution) {
        Owner o = owner(execution);
        String intermediate = rollups.intermediateOf(campaigns.get(o.campaignId()), o.unitCode());
        return intermediate == null ? access.group(o.campaignId(), Roles.OfficeRole.REVIEWER) : Roles.unitGroup(intermediate);
    }

    /** dueDate of the unit's tasks: the campaign deadline, or the new date of the last return. */
    public Date dueDate(DelegateExecution execution) {
        Owner o = owner(execution);
        return reports.dueDate(o.campaignId(), o.unitCode());
    }

    /** assignee of the unit's work after 签收: the reporter the unit named. */
    public String reporter(DelegateExecution execution) {
        Owner o = owner(execution);
        return reports.unit(o.campaignId(), o.unitCode()).reporterUser();
    }

    /** assignee of 单位负责人审批. */
    public String unitHead(DelegateExecution execution) {
        return units.headUserOf(owner(execution).unitCode());
    }

    /** 需报送配合情况？ and the items of 向牵头单位报送配合情况: those the unit cooperates on and has not yet sent. */
    public List<String> pendingContributions(DelegateExecution execution) {
        Owner o = owner(execution);
        return contributions.pendingContributions(o.campaignId(), o.unitCode());
    }

    public boolean cooperates(DelegateExecution execution) {
        return !pendingContributions(execution).isEmpty();
    }

    /** 需负责人审批？ as the campaign's template says. */
    public boolean needsHeadApproval(DelegateExecution execution) {
        Owner o = owner(execution);
        return reports.needsHeadApproval(campaigns.get(o.campaignId()), o.unitCode());
    }

    /** 负责人同意报送？ as the head's decision was recorded. */
    public boolean headApproved(DelegateExecution execution) {
        return status(execution) == UnitStatus.SUBMITTED;
    }

    /** 审核通过？ as the review was recorded. */
    public boolean approved(DelegateExecution execution) {
        return status(execution) == UnitStatus.APPROVED;
    }

    private UnitStatus status(DelegateExecution execution) {
        Owner o = owner(execution);
        return reports.unit(o.campaignId(), o.unitCode()).status();
    }

    // ---- listeners and service tasks

    /** 签收通知并指定专人 created: the unit is told, with a link to the task. */
    public void noticeArrived(DelegateTask task) {
        Owner o = owner(task);
        reports.noticeArrived(o.campaignId(), o.unitCode(), task.getId());
    }

    /** 签收通知并指定专人 completed. */
    public void signed(DelegateTask task) {
        Owner o = owner(task);
        reports.sign(o.campaignId(), o.unitCode(), REPORTER.get(task), Actor.of(task));
    }

    /** 向牵头单位报送配合情况 completed (one task per item). */
    public void contributed(DelegateTask task) {
        Owner o = owner(task);
        contributions.contribute(o.campaignId(), ITEM_CODE.get(task), o.unitCode(), CONTRIBUTION.get(task), Actor.of(task));
    }

    /** 填报并报送统计表 completed: the form's content becomes a new version of the report. */
    public void handedIn(DelegateTask task) {
        Owner o = owner(task);
        reports.handIn(o.campaignId(), o.unitCode(), ReportPayload.parse(REPORT.get(task)), Actor.of(task));
    }

    /** 单位负责人审批 completed. */
    public void headDecided(DelegateTask task) {
        Owner o = owner(task);
        reports.headDecision(o.campaignId(), o.unitCode(), HEAD_APPROVED.get(task), COMMENT.get(task), Actor.of(task));
    }

    /** 审核报送 completed: approved, or returned with a reason and a new due date. */
    public void reviewed(DelegateTask task) {
        Owner o = owner(task);
        reports.review(o.campaignId(), o.unitCode(), REPORT_APPROVED.get(task), COMMENT.get(task),
                Dates.day(NEW_DUE_DATE.get(task), "新的报送期限"), Actor.of(task));
    }

    /** 登记审核通过: the campaign's last approval moves the campaign on to its county summary. */
    public void recordApproval(DelegateExecution execution) {
        moveOnIfAllApproved(owner(execution).campaignId());
    }

    /** The campaign's last unit approved (or the last one it waited for withdrawn): on to its county summary. */
    private void moveOnIfAllApproved(String campaignId) {
        if (reports.allApproved(campaignId)) {
            runtimeService.createMessageCorrelation(CampaignProcess.MESSAGE_ALL_APPROVED)
                    .processInstanceBusinessKey(campaignId)
                    .correlateAll();
        }
    }

}
