package cn.duban.report;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.FigureRules;
import cn.duban.support.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule a report must pass to be handed in, in one place: the hand-in refuses with it, and the fill-in form
 * asks it as the person types (each draft saved is answered with it), so the form never judges by rules of its
 * own. Pure: tested without Spring (ReportChecksTest).
 */
public final class ReportChecks {

    public static final int MAX_SUMMARY = 100_000;
    public static final int MAX_NOTE = 2_000;

    private ReportChecks() {}

    /**
     * What the rules say of one report as it stands.
     *
     * @param figures     the checked figures with their subtotals (a table's cells, computed columns and total row),
     *                    or empty when a figure is wrong
     * @param texts       a table's text, date and choice cells
     * @param problems    every reason it cannot be handed in yet, in Chinese, in the form's order
     * @param fieldErrors the field (an indicator code, {@code summary}, {@code note}, {@code summaryFile}, {@code photos}) and its message
     * @param breaches    the table's rules that the figures break (hard ones are also problems)
     * @param noteRequired whether a warning must be explained in the note
     */
    public record Result(Map<String, BigDecimal> figures, Map<String, String> texts, String summary, String note, List<String> problems,
                         Map<String, String> fieldErrors, List<FigureRules.Breach> breaches, boolean noteRequired) {

        public boolean passes() {
            return problems.isEmpty();
        }
    }

    /** The form field where a kind's problems are shown: 总结文档 and 活动图片 keep their names, others {@code kind_<code>}. */
    public static String field(String kindCode) {
        return switch (kindCode) {
            case CampaignTemplate.AttachmentKind.SUMMARY -> "summaryFile";
            case CampaignTemplate.AttachmentKind.PHOTO -> "photos";
            default -> "kind_" + kindCode;
        };
    }

    /**
     * Checks a report against its campaign's template, with the attachments it would carry (uploaded and kept) and,
     * for a table with a row per sub-unit, the reporting unit's sub-units.
     */
    public static Result check(CampaignTemplate t, ReportPayload payload, List<AttachmentInfo> attachments,
                               List<TableFigures.Line> subUnits) {
        return check(t, payload, attachments, table -> subUnits);
    }

    /** The same with each table's rows from the registry ({@link TableSet#check}). */
    public static Result check(CampaignTemplate t, ReportPayload payload, List<AttachmentInfo> attachments,
                               java.util.function.Function<CampaignTemplate.StatTable, List<TableFigures.Line>> subUnits) {
        return check(t, t.whole(), payload, attachments, subUnits, List.of());
    }

    /**
     * The same for what one unit fills of the notice ({@code part}: in a two-level roll-up its tier's tables and kinds
     * of attachment). {@code missingMembers} names the members whose approved figures an intermediate's table is built
     * from but who are not approved yet: a warning the note must explain.
     */
    public static Result check(CampaignTemplate t, CampaignTemplate.Part part, ReportPayload payload, List<AttachmentInfo> attachments,
                               java.util.function.Function<CampaignTemplate.StatTable, List<TableFigures.Line>> subUnits,
                               List<String> missingMembers) {
        if (payload.isZero()) {
            return zero(t, part, payload);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, BigDecimal> figures = Map.of();
        Map<String, String> texts = Map.of();
        List<FigureRules.Breach> breaches = List.of();
        if (!t.allTables().isEmpty()) {
            TableFigures.Checked table = TableSet.check(t, part.tables(), subUnits, payload.values());
            figures = table.numbers();
            texts = table.texts();
            breaches = new ArrayList<>(table.breaches());
            if (!missingMembers.isEmpty()) {
                breaches.add(new FigureRules.Breach(0, "下级单位" + String.join("、", missingMembers)
                        + "的报送尚未审核通过，汇总表中其行为空", false));
            }
            problems.addAll(table.problems());
            errors.putAll(table.fieldErrors());
        } else {
            FigureValidator.Checked typed = FigureValidator.check(t.indicators(), payload.values());
            if (typed.figures() != null) {
                figures = typed.figures().values();
                breaches = FigureRules.check(t.rules(), figures);
            } else {
                breaches = FigureRules.checkKnown(t.rules(), typed.known(), typed.unknown(t.indicators()));
            }
            problems.addAll(typed.problems());
            errors.putAll(typed.fieldErrors());
        }
        String summary = payload.summary() == null ? "" : payload.summary().strip();
        String note = Texts.optional(payload.note());
        // a rule that stops the hand-in says so at the figure it is about (a wrong figure there says its own first)
        breaches.stream().filter(FigureRules.Breach::hard).forEach(b -> {
            problems.add(b.message());
            if (b.field() != null) {
                errors.putIfAbsent(b.field(), "必须修改：" + b.message());
            }
        });
        List<String> warnings = breaches.stream().filter(b -> !b.hard()).map(FigureRules.Breach::message).toList();
        if (summary.length() > MAX_SUMMARY) {
            problems.add("活动总结过长（最多 " + MAX_SUMMARY + " 字）");
            errors.put("summary", "过长，最多 " + MAX_SUMMARY + " 字");
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.add("说明过长（最多 " + MAX_NOTE + " 字）");
            errors.put("note", "过长，最多 " + MAX_NOTE + " 字");
        }
        if (!warnings.isEmpty() && note == null) {
            problems.add("请在“说明”中解释：" + String.join("；", warnings));
            errors.put("note", "统计表有提示，请在这里说明情况");
        }
        var kinds = part.kinds();
        // a written summary may stand in for a summary document; without any document kind it is required
        long documents = attachments.stream().filter(a -> kinds.stream().anyMatch(k -> k.code().equals(a.kind())
                && k.accept().contains("document"))).count();
        for (var k : kinds) {
            long n = attachments.stream().filter(a -> a.kind().equals(k.code())).count();
            boolean photos = k.code().equals(CampaignTemplate.AttachmentKind.PHOTO);
            String measure = photos ? "张" : "个";
            // each kind named as its field names it (总结文档, 活动图片, 工作总结, 签到表 …)
            if (k.code().equals(CampaignTemplate.AttachmentKind.SUMMARY) && k.minCount() > 0 && n == 0) {
                problems.add("请上传“" + k.label() + "”");
                errors.put(field(k.code()), "必传，请上传" + k.label());
            } else if (n < k.minCount()) {
                problems.add("至少需要 " + k.minCount() + " " + measure + "“" + k.label() + "”，现有 " + n + " " + measure);
                errors.put(field(k.code()), "至少 " + k.minCount() + " " + measure + "，现有 " + n + " " + measure);
            }
            if (k.max() != null && n > k.max()) {
                problems.add("“" + k.label() + "”最多 " + k.max() + " " + measure + "，现有 " + n + " " + measure);
                errors.put(field(k.code()), "最多 " + k.max() + " " + measure + "，现有 " + n + " " + measure);
            }
        }
        if (summary.isEmpty() && documents == 0) {
            problems.add("请填写活动总结或上传总结文档");
            errors.put("summary", "请填写活动总结（或上传总结文档）");
        }
        return new Result(figures, texts, summary, note, List.copyOf(problems), errors, breaches, !warnings.isEmpty());
    }

    /**
     * A 零报告: the unit states in its summary that it has nothing of the kind; its figures are zeros (so it counts in
     * every total, as nothing), no table row is asked and no file is required. Only where the notice allows it.
     */
    static Result zero(CampaignTemplate t, CampaignTemplate.Part part, ReportPayload payload) {
        List<String> problems = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!t.allowsZeroReport()) {
            problems.add("本通知不接受零报告，请如实填报");
            errors.put("zeroReport", "本通知不接受零报告");
        }
        String summary = payload.summary() == null ? "" : payload.summary().strip();
        String note = Texts.optional(payload.note());
        if (summary.isEmpty()) {
            problems.add("零报告请在活动总结中写明情况，如：经排查，本单位无安全隐患，特此零报告");
            errors.put("summary", "请写明零报告的情况");
        } else if (summary.length() > MAX_SUMMARY) {
            problems.add("活动总结过长（最多 " + MAX_SUMMARY + " 字）");
            errors.put("summary", "过长，最多 " + MAX_SUMMARY + " 字");
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.add("说明过长（最多 " + MAX_NOTE + " 字）");
            errors.put("note", "过长，最多 " + MAX_NOTE + " 字");
        }
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        if (!t.allTables().isEmpty()) {
            figures.putAll(TableSet.totals(part.tables(), Map.of()));
        } else {
            t.indicators().forEach(i -> figures.put(i.code(), BigDecimal.ZERO.setScale(i.effectiveScale())));
        }
        return new Result(problems.isEmpty() ? figures : Map.of(), Map.of(), summary, note, List.copyOf(problems), errors, List.of(), false);
    }
}
