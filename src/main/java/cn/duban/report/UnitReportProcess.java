package cn.duban.report;

/** Process key, element ids and variable names of bpmn/unitReport.bpmn. */
public final class UnitReportProcess {

    public static final String KEY = "unitReport";
    public static final String SIGN_NOTICE = "signNotice";
    public static final String SEND_CONTRIBUTION = "sendContribution";
    public static final String FILL_REPORT = "fillReport";
    public static final String APPROVE_BY_HEAD = "approveByHead";
    public static final String REVIEW_REPORT = "reviewReport";
    public static final String MESSAGE_CAMPAIGN_CLOSED = "campaignClosed";

    /** References and routing flags. */
    public static final String VAR_CAMPAIGN_ID = "campaignId";
    public static final String VAR_UNIT_CODE = "unitCode";
    public static final String VAR_HEAD_APPROVAL = "headApproval";
    public static final String VAR_REPORTER = "reporter";
    public static final String VAR_HEAD_APPROVED = "headApproved";
    public static final String VAR_REPORT_APPROVED = "reportApproved";
    public static final String VAR_ITEM_CODE = "itemCode";
    /** Transient: what the forms hand in. */
    public static final String VAR_REPORT = "report";
    public static final String VAR_CONTRIBUTION = "contribution";
    public static final String VAR_COMMENT = "comment";
    public static final String VAR_NEW_DUE_DATE = "newDueDate";

    private UnitReportProcess() {}

    public static String businessKey(String campaignId, String unitCode) {
        return campaignId + ":" + unitCode;
    }
}
