package cn.duban.process;

import static cn.duban.process.ProcessVariable.bool;
import static cn.duban.process.ProcessVariable.string;

import cn.duban.document.Circular;
import cn.duban.document.CircularApprovals;
import cn.duban.document.CircularProcesses;
import cn.duban.document.CircularStatus;
import cn.duban.engine.ClientCalls;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * bpmn/circularApproval.bpmn, a 督办通报 from the section's 送签 to its issue: its key, element ids and variables,
 * what each task's form may hand in, and every expression and listener of the model
 * ({@code ${circularApprovalFlow.…}}).
 *
 * <p>The campaign is the business key (Tasklist names the task after its notice); the circular is a reference duban
 * sets at the start and nobody may change; where a decision leads is the circular's status as the decision left it.
 */
@Component(CircularApprovalProcess.FLOW)
public class CircularApprovalProcess implements CircularProcesses {

    public static final String KEY = "circularApproval";
    public static final String FLOW = "circularApprovalFlow";

    public static final String REVIEW_CIRCULAR = "reviewCircular";
    public static final String SIGN_OFF_CIRCULAR = "signOffCircular";

    /** Set by duban at the start. */
    public static final ProcessVariable<String> CIRCULAR_ID = string("circularId");

    /** What the forms hand in. */
    public static final ProcessVariable<Boolean> CIRCULAR_REVIEWED = bool("circularReviewed");
    public static final ProcessVariable<Boolean> CIRCULAR_SIGNED = bool("circularSigned");
    public static final ProcessVariable<String> COMMENT = string("comment");

    /** What each task's form may hand in ({@link ClientInputGuard}). */
    static final Map<String, Set<ProcessVariable<?>>> FORM_INPUTS = Map.of(
            REVIEW_CIRCULAR, Set.of(CIRCULAR_REVIEWED, COMMENT),
            SIGN_OFF_CIRCULAR, Set.of(CIRCULAR_SIGNED, COMMENT));

    private final ObjectProvider<CircularApprovals> circulars;
    private final ObjectProvider<RuntimeService> runtime;
    private final ObjectProvider<IdentityService> identity;

    private final ObjectProvider<cn.duban.campaign.CampaignAccess> access;

    CircularApprovalProcess(ObjectProvider<CircularApprovals> circulars, ObjectProvider<RuntimeService> runtime,
                            ObjectProvider<IdentityService> identity, ObjectProvider<cn.duban.campaign.CampaignAccess> access) {
        this.access = access;
        this.circulars = circulars;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** Started by duban when the section sends a circular (the person's own call may not start it). */
    @Override
    public void start(long circularId, String campaignId) {
        ClientCalls.asDuban(identity.getObject(), () -> runtime.getObject().startProcessInstanceByKey(KEY, campaignId,
                Map.of(CampaignProcess.CAMPAIGN_ID.name(), campaignId, CIRCULAR_ID.name(), String.valueOf(circularId))));
    }

    /** candidateGroups of 督办通报核稿: the head of the notice's office. */
    public String head(DelegateExecution execution) {
        return access.getObject().group(execution.getProcessBusinessKey(), cn.duban.identity.Roles.OfficeRole.HEAD);
    }

    /** The circular of this instance, once duban's row confirms it belongs to the instance's campaign. */
    Circular circular(DelegateExecution execution) {
        String ref = CIRCULAR_ID.get(execution);
        if (ref == null || !ref.matches("[0-9]{1,18}")) {
            throw new IllegalStateException("circular approval " + execution.getProcessInstanceId() + " has no circular");
        }
        Circular c = circulars.getObject().get(Long.parseLong(ref));
        if (!c.campaignId().equals(execution.getProcessBusinessKey())) {
            throw new IllegalStateException("circular " + ref + " is not of campaign " + execution.getProcessBusinessKey());
        }
        return c;
    }

    /** 核稿通过？ */
    public boolean reviewPassed(DelegateExecution execution) {
        return circular(execution).status() == CircularStatus.SIGNING;
    }

    /** 签发通过？ */
    public boolean signed(DelegateExecution execution) {
        return circular(execution).status() == CircularStatus.ISSUED;
    }

    /** 通知各单位 (a job of its own after 签发: the leader's click does not wait for the mails). */
    public void notifyUnits(DelegateExecution execution) {
        circulars.getObject().notifyUnits(circular(execution).id());
    }

    /** 科长核稿 completed. */
    public void reviewed(DelegateTask task) {
        circulars.getObject().decide(circular(task.getExecution()).id(), cn.duban.support.Decisions.Stage.REVIEW, CIRCULAR_REVIEWED.get(task),
                COMMENT.get(task), Actor.of(task));
    }

    /** 领导签发 completed. */
    public void signedOff(DelegateTask task) {
        circulars.getObject().decide(circular(task.getExecution()).id(), cn.duban.support.Decisions.Stage.SIGNOFF, CIRCULAR_SIGNED.get(task),
                COMMENT.get(task), Actor.of(task));
    }
}
