package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LatenessTest {

    static final LocalDate DUE = LocalDate.of(2026, 3, 22);

    @Test
    void overdueIsOwedToTheSectionPastTheDueDateWhateverTheStepOrClosedWithoutAReport() {
        for (UnitStatus owed : new UnitStatus[] {UnitStatus.NOT_SIGNED, UnitStatus.IN_PROGRESS, UnitStatus.RETURNED, UnitStatus.HEAD_REVIEW}) {
            assertThat(Lateness.isOverdue(owed, DUE, DUE)).as(owed + " on the due date").isFalse();
            assertThat(Lateness.isOverdue(owed, DUE, DUE.plusDays(1))).as(owed + " the day after").isTrue();
        }
        // waiting for the unit's own head is still owed to the section (the dashboard and the forms once disagreed)
        assertThat(UnitStatus.HEAD_REVIEW.owedToSection()).isTrue();
        assertThat(UnitStatus.HEAD_REVIEW.owesReport()).as("but the reporter may no longer change it").isFalse();
        for (UnitStatus handedIn : new UnitStatus[] {UnitStatus.SUBMITTED, UnitStatus.APPROVED}) {
            assertThat(Lateness.isOverdue(handedIn, DUE, DUE.plusDays(30))).as(handedIn.name()).isFalse();
        }
        assertThat(Lateness.isOverdue(UnitStatus.CLOSED, DUE, DUE)).isTrue();
        assertThat(Lateness.isOverdue(UnitStatus.IN_PROGRESS, null, DUE.plusDays(30))).as("no due date").isFalse();
    }

    @Test
    void daysLateCountUntilTodayWhileTheUnitOwesElseUntilItsLatestSubmission() {
        assertThat(Lateness.daysLate(UnitStatus.SUBMITTED, DUE, DUE.minusDays(2), DUE.plusDays(9))).isZero();
        assertThat(Lateness.daysLate(UnitStatus.APPROVED, DUE, DUE.plusDays(2), DUE.plusDays(9))).isEqualTo(2);
        assertThat(Lateness.daysLate(UnitStatus.NOT_SIGNED, DUE, null, DUE.plusDays(9))).isEqualTo(9);
        assertThat(Lateness.daysLate(UnitStatus.HEAD_REVIEW, DUE, DUE.minusDays(1), DUE.plusDays(4))).isEqualTo(4);
        assertThat(Lateness.daysLate(UnitStatus.RETURNED, DUE, DUE.minusDays(5), DUE.plusDays(3)))
                .as("handed in on time, returned, not yet back").isEqualTo(3);
        assertThat(Lateness.daysLate(UnitStatus.CLOSED, DUE, null, DUE.plusDays(6))).isEqualTo(6);
        assertThat(Lateness.daysLate(UnitStatus.IN_PROGRESS, DUE, null, DUE.minusDays(9))).isZero();
        assertThat(Lateness.daysLate(UnitStatus.IN_PROGRESS, null, null, DUE)).isZero();
    }
}
