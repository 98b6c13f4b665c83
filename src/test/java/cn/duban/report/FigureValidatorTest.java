package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.campaign.CampaignTemplate.Indicator;
import cn.duban.campaign.CampaignTemplate.IndicatorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureValidatorTest {

    static final List<Indicator> TABLE = List.of(
            new Indicator("4", "受理消费者咨询情况", "件", IndicatorType.INTEGER, null, null, null),
            new Indicator("5", "受理消费者投诉情况", "件", IndicatorType.INTEGER, null, null, null),
            new Indicator("7", "为消费者挽回经济损失", "万元", IndicatorType.DECIMAL, 2, null, null),
            new Indicator("t", "咨询投诉合计", "件", IndicatorType.INTEGER, null, null, List.of("4", "5")));

    @Test
    void goodFiguresAreKeptWithTheirScaleAndSubtotalsComputed() {
        var f = FigureValidator.validate(TABLE, Map.of("4", " 1,200 ", "5", "3", "7", "0.5"));
        assertThat(f.values()).containsOnlyKeys("4", "5", "7", "t");
        assertThat(f.values().get("7")).isEqualByComparingTo("0.50").hasScaleOf(2);
        assertThat(f.values().get("t")).isEqualByComparingTo("1203");
    }

    @Test
    void aWholeNumberWrittenWithZeroDecimalsIsStillAnInteger() {
        assertThat(FigureValidator.validate(TABLE, Map.of("4", "2.00", "5", "0", "7", "3")).values().get("4")).isEqualByComparingTo("2");
    }

    @Test
    void everyBadFigureIsNamedInChinese() {
        assertThatThrownBy(() -> FigureValidator.validate(TABLE, Map.of("4", "-1", "5", "1.5", "7", "abc")))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("第 1 项“受理消费者咨询情况”不能为负数")
                .hasMessageContaining("第 2 项“受理消费者投诉情况”须为整数")
                .hasMessageContaining("第 3 项“为消费者挽回经济损失”不是数字")
                .satisfies(e -> assertThat(((ReportException) e).fieldErrors()).containsOnlyKeys("4", "5", "7"));
    }

    @Test
    void requiredEmptyOverPreciseOverflowAndUnknownAreRefused() {
        assertThatThrownBy(() -> FigureValidator.validate(TABLE, Map.of("4", "", "5", "1", "7", "1.234")))
                .hasMessageContaining("必填").hasMessageContaining("最多 2 位小数");
        assertThatThrownBy(() -> FigureValidator.validate(TABLE, Map.of("4", "1e3", "5", "1", "7", "1")))
                .hasMessageContaining("不是数字");
        assertThatThrownBy(() -> FigureValidator.validate(TABLE, Map.of("4", "9999999999999", "5", "1", "7", "1")))
                .hasMessageContaining("数值过大");
        assertThatThrownBy(() -> FigureValidator.validate(TABLE, Map.of("4", "1", "5", "1", "7", "1", "x", "1")))
                .hasMessageContaining("未知指标 x");
    }
}
