package cn.duban.campaign;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

/**
 * The campaign deadline: the drafter's date if set, else the template's date, else days after issue;
 * moved to the next working day when the template says so and it falls on a non-working day.
 */
public final class Deadlines {

    private Deadlines() {}

    public static LocalDate compute(CampaignTemplate template, LocalDate override, LocalDate issuedOn,
                                    UnaryOperator<LocalDate> nextWorkingDay) {
        if (template.deadline() == null) {
            // a period of a periodic return: its due date is the period's, moved as the template says
            if (override == null) {
                throw new IllegalStateException("a periodic return's period has its own due date");
            }
            return template.runsInPeriods() && template.periodic().movesToWorkingDay() ? nextWorkingDay.apply(override) : override;
        }
        LocalDate d = override != null ? override
                : template.deadline().date() != null ? template.deadline().date()
                : issuedOn.plusDays(template.deadline().daysAfterIssue());
        return template.deadline().moveToWorkingDay() ? nextWorkingDay.apply(d) : d;
    }

    /**
     * A notice may not go out with a deadline already past — the drafter's date, or else the template's own
     * fixed date (a template written for last year's campaign keeps last year's date). Checked when the draft is
     * opened, when it is handed on, and again at 核稿 and 签发, since days pass between them.
     */
    public static void requireNotPast(CampaignTemplate template, LocalDate override, LocalDate today) {
        LocalDate d = override != null ? override : template.deadline() == null ? null : template.deadline().date();
        if (d != null && d.isBefore(today)) {
            throw new CampaignException(override != null
                    ? "报送截止日期 " + d + " 已过，请填写今天或以后的日期"
                    : "模板中的报送截止日期 " + d + " 已过，请填写今天或以后的报送截止日期");
        }
    }
}
