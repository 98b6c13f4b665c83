package cn.duban.campaign;

import cn.duban.campaign.CampaignTemplate.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's rules across the figures: parsed and checked. An expression is
 * {@code operand op operand} with {@code [code]} for an indicator's figure (0 when empty), a number for
 * a constant, and op one of {@code < <= > >= == !=}. Pure: no database, no engine.
 */
public final class FigureRules {

    /** A broken rule: its message, and whether it stops the report or asks for an explanation. */
    /**
     * A rule the figures break: which rule, its message, whether it stops the hand-in, and the figure it is about — the
     * one the rule checks first ({@code [6]} of {@code [6] <= [5]}), where the form says it (null for a constant).
     */
    public record Breach(int rule, String message, boolean hard, String field) {

        public Breach(int rule, String message, boolean hard) {
            this(rule, message, hard, null);
        }
    }

    private static final Pattern EXPR = Pattern.compile(
            "\\s*(\\[[A-Za-z0-9_.-]+]|\\d+(?:\\.\\d+)?)\\s*(<=|>=|==|!=|<|>)\\s*(\\[[A-Za-z0-9_.-]+]|\\d+(?:\\.\\d+)?)\\s*");

    private static final Pattern CELL = Pattern.compile("\\[[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+]");

    private FigureRules() {}

    /** Problems with the rules of a template, each naming its field; empty when all parse and refer to known indicators. */
    public static List<String> problems(List<Rule> rules, Set<String> indicatorCodes) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r == null || r.check() == null) {
                p.add("字段 rules[" + i + "].check 必填");
                continue;
            }
            expression(p, "rules[" + i + "].check", r.check(), indicatorCodes);
            if (r.when() != null) {
                expression(p, "rules[" + i + "].when", r.when(), indicatorCodes);
            }
            if (r.message() == null || r.message().isBlank() || r.message().length() > 200) {
                p.add("字段 rules[" + i + "].message 必填（最多 200 字）");
            }
        }
        return p;
    }

    /**
     * Whether a rule names cells of a table ({@code [row.column]}, e.g. {@code [_total.funds]} for the total row): it
     * holds once over the whole table; a rule naming only columns holds on every row.
     */
    public static boolean namesCells(Rule r) {
        return r.check() != null && CELL.matcher(r.check()).find() || r.when() != null && CELL.matcher(r.when()).find();
    }

    /**
     * The rules broken by the figures that are right, while others are still wrong: a rule naming a wrong (or unknown)
     * figure is not judged yet; every other one is, so a hard rule is told at once beside the wrong figure.
     */
    public static List<Breach> checkKnown(List<Rule> rules, Map<String, BigDecimal> values, Set<String> unknown) {
        List<Rule> judged = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (operands(r).stream().noneMatch(unknown::contains)) {
                judged.add(r);
                index.add(i);
            }
        }
        return check(judged, values).stream().map(b -> new Breach(index.get(b.rule()), b.message(), b.hard())).toList();
    }

    /** The figures a rule names, by code. */
    static Set<String> operands(Rule r) {
        Set<String> out = new java.util.HashSet<>();
        for (String e : new String[] {r.when(), r.check()}) {
            if (e == null) {
                continue;
            }
            Matcher m = EXPR.matcher(e);
            if (m.matches()) {
                for (String operand : new String[] {m.group(1), m.group(3)}) {
                    if (operand.startsWith("[")) {
                        out.add(operand.substring(1, operand.length() - 1));
                    }
                }
            }
        }
        return out;
    }

    public static List<Breach> check(List<Rule> rules, Map<String, BigDecimal> values) {
        List<Breach> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.when() != null && !holds(r.when(), values)) {
                continue;
            }
            if (!holds(r.check(), values)) {
                out.add(new Breach(i, r.message(), r.hard(), checked(r.check())));
            }
        }
        return out;
    }

    /** The figure a rule checks first ({@code 6} of {@code [6] <= [5]}; {@code 7} of {@code 0 < [7]}), or null. */
    static String checked(String expression) {
        Matcher m = EXPR.matcher(expression);
        if (!m.matches()) {
            return null;
        }
        for (String operand : List.of(m.group(1), m.group(3))) {
            if (operand.startsWith("[")) {
                return operand.substring(1, operand.length() - 1);
            }
        }
        return null;
    }

    static boolean holds(String expression, Map<String, BigDecimal> values) {
        Matcher m = EXPR.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad rule expression: " + expression);
        }
        int c = value(m.group(1), values).compareTo(value(m.group(3), values));
        return switch (m.group(2)) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "==" -> c == 0;
            default -> c != 0;
        };
    }

    private static BigDecimal value(String operand, Map<String, BigDecimal> values) {
        if (operand.startsWith("[")) {
            return values.getOrDefault(operand.substring(1, operand.length() - 1), BigDecimal.ZERO);
        }
        return new BigDecimal(operand);
    }

    private static void expression(List<String> p, String field, String expr, Set<String> codes) {
        Matcher m = EXPR.matcher(expr);
        if (!m.matches()) {
            p.add("字段 " + field + " 应形如 “[6] <= [5]” 或 “[7] > 0”");
            return;
        }
        for (String operand : List.of(m.group(1), m.group(3))) {
            if (operand.startsWith("[") && !codes.contains(operand.substring(1, operand.length() - 1))) {
                p.add("字段 " + field + " 引用了不存在的指标 " + operand);
            }
        }
    }
}
