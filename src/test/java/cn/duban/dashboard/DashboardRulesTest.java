package cn.duban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dashboard.DashboardRules.Bucket;
import cn.duban.dashboard.DashboardRules.Urgency;
import cn.duban.report.UnitStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DashboardRulesTest {

    static final LocalDate DUE = LocalDate.of(2024, 3, 22);
    final DashboardRules rules = new DashboardRules(3, 7);

    @Test
    void beforeTheDueDateEveryStatusHasItsOwnBucket() {
        LocalDate today = DUE.minusDays(1);
        assertThat(rules.bucket(UnitStatus.NOT_SIGNED, DUE, today)).isEqualTo(Bucket.NOT_SIGNED);
        assertThat(rules.bucket(UnitStatus.IN_PROGRESS, DUE, today)).isEqualTo(Bucket.IN_PROGRESS);
        assertThat(rules.bucket(UnitStatus.HEAD_REVIEW, DUE, today)).isEqualTo(Bucket.IN_PROGRESS);
        assertThat(rules.bucket(UnitStatus.SUBMITTED, DUE, today)).isEqualTo(Bucket.SUBMITTED);
        assertThat(rules.bucket(UnitStatus.RETURNED, DUE, today)).isEqualTo(Bucket.RETURNED);
        assertThat(rules.bucket(UnitStatus.APPROVED, DUE, today)).isEqualTo(Bucket.APPROVED);
        assertThat(rules.bucket(UnitStatus.IN_PROGRESS, DUE, DUE)).as("the due day itself is not late").isEqualTo(Bucket.IN_PROGRESS);
    }

    @Test
    void pastTheDueDateAUnitThatOwesItsReportIsOverdueOneThatHandedItInIsNot() {
        LocalDate today = DUE.plusDays(1);
        for (UnitStatus s : new UnitStatus[] {UnitStatus.NOT_SIGNED, UnitStatus.IN_PROGRESS, UnitStatus.HEAD_REVIEW,
                UnitStatus.RETURNED, UnitStatus.CLOSED}) {
            assertThat(rules.bucket(s, DUE, today)).as(s.name()).isEqualTo(Bucket.OVERDUE);
        }
        assertThat(rules.bucket(UnitStatus.SUBMITTED, DUE, today)).isEqualTo(Bucket.SUBMITTED);
        assertThat(rules.bucket(UnitStatus.APPROVED, DUE, today)).isEqualTo(Bucket.APPROVED);
    }

    @Test
    void threeColoursNearLateAndVeryLateOnlyForUnitsThatOwe() {
        assertThat(rules.urgency(UnitStatus.IN_PROGRESS, DUE, DUE.minusDays(4))).isNull();
        assertThat(rules.urgency(UnitStatus.IN_PROGRESS, DUE, DUE.minusDays(3))).isEqualTo(Urgency.NEAR);
        assertThat(rules.urgency(UnitStatus.NOT_SIGNED, DUE, DUE)).isEqualTo(Urgency.NEAR);
        assertThat(rules.urgency(UnitStatus.RETURNED, DUE, DUE.plusDays(1))).isEqualTo(Urgency.LATE);
        assertThat(rules.urgency(UnitStatus.RETURNED, DUE, DUE.plusDays(6))).isEqualTo(Urgency.LATE);
        assertThat(rules.urgency(UnitStatus.NOT_SIGNED, DUE, DUE.plusDays(7))).isEqualTo(Urgency.VERY_LATE);
        assertThat(rules.urgency(UnitStatus.CLOSED, DUE, DUE.plusDays(30))).isEqualTo(Urgency.VERY_LATE);
        assertThat(rules.urgency(UnitStatus.SUBMITTED, DUE, DUE.plusDays(30))).isNull();
        assertThat(rules.urgency(UnitStatus.APPROVED, DUE, DUE.plusDays(1))).isNull();
        assertThat(rules.urgency(UnitStatus.IN_PROGRESS, null, DUE)).isNull();
    }

    @Test
    void nonsenseThresholdsAreRefused() {
        assertThatThrownBy(() -> new DashboardRules(-1, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DashboardRules(3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
