package cn.duban.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.support.Decisions.Stage;
import cn.duban.support.Refusal;
import org.junit.jupiter.api.Test;

/** A circular's way out, without Spring or the engine: 核稿 then 签发, a return ends it, a decided step cannot be decided again. */
class CircularStatusTest {

    @Test
    void aReviewPassesToSignOffAndASignOffIssues() {
        assertThat(CircularStatus.REVIEWING.after(Stage.REVIEW, true)).isEqualTo(CircularStatus.SIGNING);
        assertThat(CircularStatus.SIGNING.after(Stage.SIGNOFF, true)).isEqualTo(CircularStatus.ISSUED);
    }

    @Test
    void aReturnAtEitherStepEndsIt() {
        assertThat(CircularStatus.REVIEWING.after(Stage.REVIEW, false)).isEqualTo(CircularStatus.RETURNED);
        assertThat(CircularStatus.SIGNING.after(Stage.SIGNOFF, false)).isEqualTo(CircularStatus.RETURNED);
        assertThat(CircularStatus.RETURNED.pending()).isFalse();
        assertThat(CircularStatus.ISSUED.pending()).isFalse();
        assertThat(CircularStatus.SIGNING.pending()).isTrue();
    }

    @Test
    void aStepThatIsNotWaitingIsRefusedInChinese() {
        assertThatThrownBy(() -> CircularStatus.REVIEWING.after(Stage.SIGNOFF, true)).isInstanceOf(Refusal.class)
                .hasMessage("该督办通报待核稿，不能再签发；请刷新页面");
        assertThatThrownBy(() -> CircularStatus.ISSUED.after(Stage.REVIEW, false)).isInstanceOf(Refusal.class)
                .hasMessage("该督办通报已印发，不能再核稿；请刷新页面");
        assertThat(((Refusal) org.assertj.core.api.Assertions.catchThrowable(() -> CircularStatus.RETURNED.after(Stage.SIGNOFF, true))).status())
                .isEqualTo(Refusal.CONFLICT);
    }
}
