package cn.duban.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rule set of 核稿, 签发, 单位负责人审批 and 审核报送, without Spring or the engine. */
class DecisionsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    @Test
    void nothingChosenIsAskedForAndAnApprovalNeedsNothingElse() {
        assertThat(Decisions.check(null, "", null, Decisions.Return.REASON, TODAY).fieldErrors())
                .containsExactly(Map.entry("approved", "请选择“通过”或“退回修改”"));
        Decisions.Verdict ok = Decisions.check(true, "  ", null, Decisions.Return.REASON_AND_DUE_DATE, TODAY);
        assertThat(ok.ready()).isTrue();
        assertThat(ok.problems()).isEmpty();
    }

    @Test
    void aReturnSaysWhyAndAtTheReviewGivesADueDateNotInThePast() {
        assertThat(Decisions.check(false, " ", null, Decisions.Return.REASON, TODAY).fieldErrors())
                .containsExactly(Map.entry("comment", "退回时请填写退回理由"));
        assertThat(Decisions.check(false, "", null, Decisions.Return.REASON_AND_DUE_DATE, TODAY).problems())
                .containsExactly("退回时请填写退回理由", "退回时请填写新的报送期限");
        assertThat(Decisions.check(false, "请补充照片", TODAY.minusDays(1), Decisions.Return.REASON_AND_DUE_DATE, TODAY).fieldErrors())
                .containsExactly(Map.entry("newDueDate", "新的报送期限不能早于今天"));
        assertThat(Decisions.check(false, "请补充照片", TODAY, Decisions.Return.REASON_AND_DUE_DATE, TODAY).ready()).isTrue();
        // a due date given with an approval is not the approval's business
        assertThat(Decisions.check(true, null, TODAY.minusDays(9), Decisions.Return.REASON_AND_DUE_DATE, TODAY).ready()).isTrue();
    }

    @Test
    void whereNoReturnIsPossibleOnlyAnApprovalIs() {
        Decisions.Return closed = Decisions.Return.refused("活动已截止，不能再退回修改，只能审核通过");
        assertThat(Decisions.check(false, "请补充", null, closed, TODAY).fieldErrors())
                .containsExactly(Map.entry("approved", "活动已截止，不能再退回修改，只能审核通过"));
        assertThat(Decisions.check(null, null, null, closed, TODAY).fieldErrors()).containsEntry("approved", "请选择“通过”");
        assertThat(Decisions.check(true, null, null, closed, TODAY).ready()).isTrue();
    }

    @Test
    void anOverlongOpinionIsRefusedWithItsLengthAndTheRefusalCarriesEveryField() {
        String longText = "字".repeat(Decisions.MAX_COMMENT + 1);
        assertThat(Decisions.check(true, longText, null, Decisions.Return.REASON, TODAY).fieldErrors())
                .containsExactly(Map.entry("comment", "意见过长（最多 2000 字，现 2001 字）"));
        assertThat(Decisions.check(true, "字".repeat(Decisions.MAX_COMMENT), null, Decisions.Return.REASON, TODAY).ready()).isTrue();
        assertThatThrownBy(() -> Decisions.check(false, "", null, Decisions.Return.REASON_AND_DUE_DATE, TODAY).orRefuse())
                .isInstanceOfSatisfying(Decisions.Refused.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("退回时请填写退回理由");
                    assertThat(e.status()).isEqualTo(Refusal.BAD_REQUEST);
                    assertThat(e.fieldErrors()).containsOnlyKeys("comment", "newDueDate");
                });
    }
}
