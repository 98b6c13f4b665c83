package cn.duban.campaign;

/** Process key, element ids and variable names of bpmn/campaign.bpmn and bpmn/noticeApproval.bpmn. */
public final class CampaignProcess {

    public static final String KEY = "campaign";
    public static final String APPROVE_NOTICE_ACTIVITY = "approveNotice";
    public static final String MONITOR_REPORTS = "monitorReports";
    public static final String SUMMARIZE_COUNTY = "summarizeCounty";
    public static final String MESSAGE_ALL_APPROVED = "allReportsApproved";

    public static final String APPROVAL_KEY = "noticeApproval";
    public static final String DRAFT_NOTICE = "draftNotice";
    public static final String REVIEW_NOTICE = "reviewNotice";
    public static final String SIGN_OFF_NOTICE = "signOffNotice";

    /** Variables: references and routing flags only. */
    public static final String VAR_CAMPAIGN_ID = "campaignId";
    public static final String VAR_TEMPLATE_CODE = "templateCode";
    public static final String VAR_INITIATOR = "initiator";
    public static final String VAR_NOTICE_REVIEWED = "noticeReviewed";
    public static final String VAR_NOTICE_SIGNED = "noticeSigned";
    /** Transient: what the forms hand in, read by the listeners and never stored by the engine. */
    public static final String VAR_DEADLINE = "deadline";
    public static final String VAR_DRAFT = "draft";
    public static final String VAR_COMMENT = "comment";

    private CampaignProcess() {}
}
