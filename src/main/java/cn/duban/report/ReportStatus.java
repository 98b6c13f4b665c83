package cn.duban.report;

/** The state of one version of a unit's report. */
public enum ReportStatus {
    HEAD_REVIEW("待负责人审批"),
    HEAD_RETURNED("负责人退回"),
    SUBMITTED("已报送，待审核"),
    APPROVED("审核通过"),
    RETURNED("退回修改");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
