package cn.duban.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate.Rule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FigureRulesTest {

    static final List<Rule> RULES = List.of(
            new Rule(null, "[6] <= [5]", "解决纠纷不应多于受理投诉", false),
            new Rule("[7] > 0", "[5] > 0", "有挽回损失时应有投诉", false),
            new Rule(null, "[1] <= 100", "普法活动超过 100 场", true));

    static Map<String, BigDecimal> figures(String five, String six, String seven, String one) {
        return Map.of("5", new BigDecimal(five), "6", new BigDecimal(six), "7", new BigDecimal(seven), "1", new BigDecimal(one));
    }

    @Test
    void figuresThatKeepTheRulesBreakNone() {
        assertThat(FigureRules.check(RULES, figures("3", "3", "0.5", "10"))).isEmpty();
        assertThat(FigureRules.check(RULES, figures("0", "0", "0", "0"))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsReportedWithItsMessageAndWeight() {
        assertThat(FigureRules.check(RULES, figures("0", "2", "1.5", "101")))
                .extracting(FigureRules.Breach::message, FigureRules.Breach::hard)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("解决纠纷不应多于受理投诉", false),
                        org.assertj.core.groups.Tuple.tuple("有挽回损失时应有投诉", false),
                        org.assertj.core.groups.Tuple.tuple("普法活动超过 100 场", true));
    }

    @Test
    void anEmptyFigureCountsAsZero() {
        assertThat(FigureRules.check(List.of(RULES.get(1)), Map.of("7", BigDecimal.ONE))).hasSize(1);
    }

    @Test
    void badExpressionsAndUnknownIndicatorsAreNamedByField() {
        assertThat(FigureRules.problems(List.of(new Rule(null, "[6] =< [5]", "m", false),
                new Rule("[9] > 0", "[5] > 0", "m", false), new Rule(null, "[5] > 0", "", false)), Set.of("5", "6")))
                .containsExactly("字段 rules[0].check 应形如 “[6] <= [5]” 或 “[7] > 0”",
                        "字段 rules[1].when 引用了不存在的指标 [9]",
                        "字段 rules[2].message 必填（最多 200 字）");
    }
}
