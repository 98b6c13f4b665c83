package cn.duban.report;

/** Where one unit stands in one campaign. Overdue (逾期) is not a status: it is "not yet submitted, past due". */
public enum UnitStatus {
    NOT_SIGNED("未签收"),
    IN_PROGRESS("办理中"),
    HEAD_REVIEW("待负责人审批"),
    SUBMITTED("已报送"),
    RETURNED("已退回"),
    APPROVED("已通过"),
    CLOSED("未报送（已截止）"),
    /** Taken out of the campaign by the section, with a reason (a unit merged or closed meanwhile): it owes nothing. */
    WITHDRAWN("已撤销");

    private final String label;

    UnitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the unit's own people still owe a report (and may still change what they hand in). */
    public boolean owesReport() {
        return this == NOT_SIGNED || this == IN_PROGRESS || this == RETURNED;
    }

    /**
     * Whether the section still waits for the unit's report, so that the due date concerns it: the unit's own
     * people owe it, or it waits for the unit's head. (Its lateness: {@link Lateness}.)
     */
    public boolean owedToSection() {
        return owesReport() || this == HEAD_REVIEW;
    }
}
