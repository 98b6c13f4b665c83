package cn.duban.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 督办通报's title says its notice's subject once (issue 28 §8: "…工作工作进展情况的通报"). */
class CircularTitleTest {

    @Test
    void workIsNotDoubled() {
        assertThat(Circulars.title("开展校园安全隐患排查整治工作")).isEqualTo("关于开展校园安全隐患排查整治工作进展情况的通报");
        assertThat(Circulars.title("做好职业病危害项目申报")).isEqualTo("关于做好职业病危害项目申报工作进展情况的通报");
    }

    @Test
    void aPlanIsCarriedOut() {
        assertThat(Circulars.title("2024年“3·15”国际消费者权益日活动方案")).isEqualTo("关于2024年“3·15”国际消费者权益日活动方案落实情况的通报");
    }
}
