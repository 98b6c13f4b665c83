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
        LocalDate d = override != null ? override
                : template.deadline().date() != null ? template.deadline().date()
                : issuedOn.plusDays(template.deadline().daysAfterIssue());
        return template.deadline().moveToWorkingDay() ? nextWorkingDay.apply(d) : d;
    }
}
