package cn.duban.report;

import cn.duban.campaign.CampaignTemplate.Indicator;
import cn.duban.campaign.CampaignTemplate.IndicatorType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the figures a unit types into the statistics table against the campaign's indicators and
 * computes the subtotals. Pure: no database, no engine.
 */
public final class FigureValidator {

    /** The largest figure accepted (the column holds 16 digits before the point). */
    public static final BigDecimal MAX = new BigDecimal("999999999999");

    /** The checked figures, subtotals included, keyed by indicator code, in the table's order. */
    public record Figures(Map<String, BigDecimal> values) {}

    private FigureValidator() {}

    /** The figures as typed, checked: the values when they are right, else each problem and the field it belongs to. */
    public record Checked(Figures figures, List<String> problems, Map<String, String> fieldErrors, Map<String, BigDecimal> known) {

        Checked(Figures figures, List<String> problems, Map<String, String> fieldErrors) {
            this(figures, problems, fieldErrors, figures == null ? Map.of() : figures.values());
        }

        /** The fields a rule cannot be judged on: those refused, and the subtotals of one refused. */
        public java.util.Set<String> unknown(List<Indicator> indicators) {
            java.util.Set<String> out = new java.util.HashSet<>(fieldErrors.keySet());
            indicators.stream().filter(Indicator::isSubtotal).filter(i -> i.sumOf().stream().anyMatch(fieldErrors::containsKey))
                    .forEach(i -> out.add(i.code()));
            return out;
        }
    }

    /** Checks the figures and refuses, with every problem, those that are wrong. */
    public static Figures validate(List<Indicator> indicators, Map<String, String> raw) {
        Checked c = check(indicators, raw);
        if (c.figures() == null) {
            throw ReportException.of(c.problems(), c.fieldErrors());
        }
        return c.figures();
    }

    /** A typed number read: its value, or why it is refused (null value and error: left empty where allowed). */
    record Number(BigDecimal value, String error) {}

    /**
     * One typed number, as every statistics table reads it: thousands separators dropped, no negatives, an integer
     * where the unit counts, at most {@code scale} decimals, at most {@link #MAX}.
     */
    static Number number(String raw, boolean required, boolean integer, int scale, String unit) {
        String text = raw == null ? "" : raw.strip().replace(",", "").replace("，", "");
        if (text.isEmpty()) {
            return new Number(null, required ? "必填，没有请填 0" : null);
        }
        if (!text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return new Number(null, "不是数字");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() < 0) {
            return new Number(null, "不能为负数");
        }
        if (integer && value.stripTrailingZeros().scale() > 0) {
            return new Number(null, unit == null || unit.isBlank() ? "须为整数" : "须为整数（单位：" + unit + "）");
        }
        if (value.stripTrailingZeros().scale() > scale) {
            return new Number(null, "最多 " + scale + " 位小数");
        }
        if (value.compareTo(MAX) > 0) {
            return new Number(null, "数值过大");
        }
        return new Number(value.setScale(scale, java.math.RoundingMode.UNNECESSARY), null);
    }

    public static Checked check(List<Indicator> indicators, Map<String, String> raw) {
        Map<String, String> input = raw == null ? Map.of() : raw;
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            if (ind.isSubtotal()) {
                continue;
            }
            String label = "第 " + (i + 1) + " 项“" + ind.name() + "”";
            String text = input.get(ind.code());
            Number n = number(text, ind.needsValue(), ind.type() == IndicatorType.INTEGER, ind.effectiveScale(), ind.unit());
            String error = n.error();
            BigDecimal value = n.value();
            if (error != null) {
                errors.put(ind.code(), error);
                problems.add(label + error);
            } else if (value != null) {
                values.put(ind.code(), value.setScale(ind.effectiveScale()));
            }
        }
        for (String code : input.keySet()) {
            if (indicators.stream().noneMatch(ind -> ind.code().equals(code))) {
                problems.add("未知指标 " + code);
                errors.put(code, "未知指标");
            }
        }
        if (!problems.isEmpty()) {
            // what was right, for the rules that can still be judged (a hard rule is told beside a wrong figure)
            return new Checked(null, List.copyOf(problems), errors, Map.copyOf(values));
        }
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (Indicator ind : indicators) {
            if (ind.isSubtotal()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (String ref : ind.sumOf()) {
                    sum = sum.add(values.getOrDefault(ref, BigDecimal.ZERO));
                }
                ordered.put(ind.code(), sum.setScale(ind.effectiveScale(), java.math.RoundingMode.HALF_UP));
            } else if (values.containsKey(ind.code())) {
                ordered.put(ind.code(), values.get(ind.code()));
            }
        }
        return new Checked(new Figures(ordered), List.of(), Map.of());
    }
}
