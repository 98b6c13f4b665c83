package cn.duban.campaign;

import java.time.LocalDate;

/** The campaign deadline: the drafter's date if set, else the template's date, else days after issue. */
public final class Deadlines {

    private Deadlines() {}

    public static LocalDate compute(CampaignTemplate template, LocalDate override, LocalDate issuedOn) {
        if (override != null) {
            return override;
        }
        if (template.deadline().date() != null) {
            return template.deadline().date();
        }
        return issuedOn.plusDays(template.deadline().daysAfterIssue());
    }
}
