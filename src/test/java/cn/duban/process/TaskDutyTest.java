package cn.duban.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whose a task is (issue #27 items 1 and 2), without the engine. */
class TaskDutyTest {

    static final List<String> OPERATOR = List.of("operator");
    static final List<String> ADMIN = List.of("camunda-admin", "operator");

    @Test
    void aTaskAssignedToTheSectionHeadIsTheSectionHeadsAlone() {
        TaskDuty review = new TaskDuty("zhangke", Set.of(), Set.of("section-head"));
        assertThat(review.mayDo("zhangke", List.of("section-head"))).isTrue();
        assertThat(review.mayDo("operator", OPERATOR)).isFalse();
        assertThat(review.mayDo("admin", ADMIN)).as("the administrator has no duty either").isFalse();
        // another section head may take it over from the holder (claim, reassign) but not decide it while it is held
        assertThat(review.mayDo("other-head", List.of("section-head"))).isFalse();
        assertThat(review.mayHandOn("other-head", List.of("section-head"))).isTrue();
        assertThat(review.mayHandOn("operator", OPERATOR)).isFalse();
    }

    @Test
    void anUnassignedTaskIsItsCandidatesOnly() {
        TaskDuty review = new TaskDuty(null, Set.of(), Set.of("reviewer"));
        assertThat(review.mayDo("wangshu", List.of("reviewer", "drafter"))).isTrue();
        assertThat(review.mayDo("operator", OPERATOR)).isFalse();
        assertThat(review.mayDo(null, List.of("reviewer"))).isFalse();
        assertThat(review.isCandidate("operator", OPERATOR)).isFalse();
    }

    @Test
    void theUnitHeadsApprovalIsNotTheReportersEvenThoughTheyShareTheUnit() {
        TaskDuty head = new TaskDuty("rmyy-head", Set.of("rmyy-head"), Set.of());
        List<String> reporterGroups = List.of("unit-rmyy", "reporter");
        assertThat(head.mayDo("rmyy-reporter", reporterGroups)).isFalse();
        assertThat(head.mayHandOn("rmyy-reporter", reporterGroups)).isFalse();
        assertThat(head.isCandidate("rmyy-reporter", reporterGroups)).isFalse();
        assertThat(head.mayDo("rmyy-head", List.of("unit-rmyy", "unit-head"))).isTrue();
        // given back, it is still the head's alone
        TaskDuty unclaimed = new TaskDuty(null, Set.of("rmyy-head"), Set.of());
        assertThat(unclaimed.mayDo("rmyy-head", List.of())).isTrue();
        assertThat(unclaimed.mayDo("rmyy-reporter", reporterGroups)).isFalse();
    }
}
