package cn.duban.process;

import static cn.duban.process.ProcessVariable.bool;
import static cn.duban.process.ProcessVariable.string;

import cn.duban.campaign.CampaignException;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.NoticeDraft;
import cn.duban.document.NoticeDocuments;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * bpmn/noticeApproval.bpmn, a notice from its draft to its sign-off: its key, element ids and variables, what each
 * task's form may hand in, and every expression and listener of the model ({@code ${noticeApprovalFlow.…}}).
 *
 * <p>The campaign is the business key the calling campaign passes down; who drafts is the campaign's own record,
 * and where a decision leads is the campaign's status as the decision left it.
 */
@Component(NoticeApprovalProcess.FLOW)
public class NoticeApprovalProcess {

    public static final String KEY = "noticeApproval";
    public static final String FLOW = "noticeApprovalFlow";

    public static final String DRAFT_NOTICE = "draftNotice";
    public static final String REVIEW_NOTICE = "reviewNotice";
    public static final String SIGN_OFF_NOTICE = "signOffNotice";

    /** What the forms hand in. */
    public static final ProcessVariable<String> DRAFT = string("draft");
    public static final ProcessVariable<Boolean> NOTICE_REVIEWED = bool("noticeReviewed");
    public static final ProcessVariable<Boolean> NOTICE_SIGNED = bool("noticeSigned");
    public static final ProcessVariable<String> COMMENT = string("comment");

    /** What each task's form may hand in ({@link ClientInputGuard}). */
    static final Map<String, Set<ProcessVariable<?>>> FORM_INPUTS = Map.of(
            DRAFT_NOTICE, Set.of(DRAFT),
            REVIEW_NOTICE, Set.of(NOTICE_REVIEWED, COMMENT),
            SIGN_OFF_NOTICE, Set.of(NOTICE_SIGNED, COMMENT));

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            // the drafting form sends back the template it was given: what a later version adds is ignored, not refused
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final CampaignService campaigns;
    private final cn.duban.campaign.CampaignAccess access;
    private final NoticeDocuments notices;

    public NoticeApprovalProcess(CampaignService campaigns, cn.duban.campaign.CampaignAccess access, NoticeDocuments notices) {
        this.campaigns = campaigns;
        this.access = access;
        this.notices = notices;
    }

    /** candidateGroups of 起草通知: the drafters of the notice's office. */
    public String drafters(DelegateExecution execution) {
        return access.group(CampaignProcess.campaignId(execution), cn.duban.identity.Roles.OfficeRole.DRAFTER);
    }

    /** candidateGroups of 科长核稿: the head of the notice's office. */
    public String head(DelegateExecution execution) {
        return access.group(CampaignProcess.campaignId(execution), cn.duban.identity.Roles.OfficeRole.HEAD);
    }

    private static String campaignId(DelegateTask task) {
        return CampaignProcess.campaignId(task.getExecution());
    }

    /** assignee of 起草通知: whoever started the campaign. */
    public String drafter(DelegateExecution execution) {
        return campaigns.get(CampaignProcess.campaignId(execution)).createdBy();
    }

    /** 核稿通过？ */
    public boolean reviewPassed(DelegateExecution execution) {
        return campaigns.get(CampaignProcess.campaignId(execution)).status() == CampaignStatus.SIGNING;
    }

    /** 签发通过？ */
    public boolean signed(DelegateExecution execution) {
        return campaigns.get(CampaignProcess.campaignId(execution)).status() == CampaignStatus.SIGNED;
    }

    /** 起草通知 completed: the edited notice goes to review. */
    public void drafted(DelegateTask task) {
        String raw = DRAFT.get(task);
        NoticeDraft draft = null;
        if (raw != null && !raw.isBlank()) {
            try {
                draft = JSON.readValue(raw, NoticeDraft.class);
            } catch (Exception e) {
                throw new CampaignException("通知稿格式不正确（报送截止日期应为形如 2026-03-20 的日期），请检查后重试");
            }
        }
        campaigns.submitDraft(campaignId(task), draft, Actor.of(task));
        // the draft as saved, in the same transaction: a notice no unit could open is not handed on
        notices.requireRenderable(campaignId(task), NoticeDocuments.Step.DRAFT);
    }

    /** 科长核稿 completed. */
    public void reviewed(DelegateTask task) {
        if (Boolean.TRUE.equals(NOTICE_REVIEWED.get(task))) {
            notices.requireRenderable(campaignId(task), NoticeDocuments.Step.REVIEW);
        }
        campaigns.decide(campaignId(task), cn.duban.support.Decisions.Stage.REVIEW, NOTICE_REVIEWED.get(task), COMMENT.get(task),
                Actor.of(task));
    }

    /** 领导签发 completed. */
    public void signedOff(DelegateTask task) {
        if (Boolean.TRUE.equals(NOTICE_SIGNED.get(task))) {
            notices.requireRenderable(campaignId(task), NoticeDocuments.Step.SIGNOFF);
        }
        campaigns.decide(campaignId(task), cn.duban.support.Decisions.Stage.SIGNOFF, NOTICE_SIGNED.get(task), COMMENT.get(task),
                Actor.of(task));
    }

}
