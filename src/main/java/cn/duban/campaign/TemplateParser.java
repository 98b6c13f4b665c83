package cn.duban.campaign;

import cn.duban.campaign.CampaignTemplate.Indicator;
import cn.duban.campaign.CampaignTemplate.UnitSelector;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a campaign template (YAML or JSON; JSON is valid YAML) and checks it. Every problem is
 * reported with the path of the field, e.g. {@code indicators[6].type}, so a drafter can fix the file.
 */
public final class TemplateParser {

    /** Larger files are refused before parsing: a template is a few kilobytes. */
    public static final int MAX_SOURCE_CHARS = 512 * 1024;

    /**
     * The longest values a template may hold. Each fits every place the value goes later: the notice title into
     * mail subjects (500 characters with their prefix and date), names and titles into workbook cells and file
     * names, counts into one form and one sheet. MaxTemplateIT runs a template at every limit through the whole
     * campaign.
     */
    public static final int MAX_TITLE = 200;
    public static final int MAX_NAME = 200;
    public static final int MAX_UNIT_OF_MEASURE = 20;
    public static final int MAX_NOTICE_TEXT = 100_000;
    public static final int MAX_ITEM_TEXT = 20_000;
    public static final int MAX_DATES = 100;
    public static final int MAX_DOCUMENT_NUMBER = 100;
    public static final int MAX_CONTACT = 50;
    public static final int MAX_MAILBOX = 254;
    public static final int MAX_DUTY = 2_000;
    public static final int MAX_ROWS = 200;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // tolerate fields a later version adds to stored templates
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TemplateParser() {}

    public static CampaignTemplate parse(String source) {
        if (source == null || source.isBlank()) {
            throw new TemplateException(List.of("模板内容为空"));
        }
        if (source.length() > MAX_SOURCE_CHARS) {
            throw new TemplateException(List.of("模板过大（超过 " + MAX_SOURCE_CHARS / 1024 + " KB）"));
        }
        CampaignTemplate template;
        // every unknown field at once, each with the fields its place knows (not only the first, not a file to read)
        List<String> unknown = new ArrayList<>();
        try {
            template = YAML.readerFor(CampaignTemplate.class).withHandler(new UnknownFields(unknown)).readValue(source);
        } catch (UnrecognizedPropertyException e) {
            throw new TemplateException(List.of("未知字段 " + path(e) + "（此处可用：" + String.join("、",
                    e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + "）"));
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            List<String> all = new ArrayList<>(unknown);
            all.add(mismatch(path(e), e));
            throw new TemplateException(all);
        } catch (JsonMappingException e) {
            throw new TemplateException(List.of("字段 " + path(e) + " 的值无法识别"));
        } catch (JsonProcessingException e) {
            throw new TemplateException(List.of("不是有效的 YAML/JSON（第 " + line(e) + " 行）：" + firstLine(e.getOriginalMessage())));
        }
        if (!unknown.isEmpty()) {
            throw new TemplateException(unknown);
        }
        if (template == null) {
            throw new TemplateException(List.of("模板内容为空"));
        }
        List<String> problems = validate(template);
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        return template;
    }

    /** The canonical JSON a campaign keeps of its template, so a later edit of the file changes no running campaign. */
    public static String toJson(CampaignTemplate template) {
        try {
            return JSON.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A notice as the drafting form holds it (its template in the same JSON a campaign keeps), for the drafter's draft. */
    static String draftToJson(NoticeDraft draft) {
        try {
            return JSON.writeValueAsString(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static NoticeDraft draftFromJson(String json) {
        try {
            return JSON.readValue(json, NoticeDraft.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice draft is unreadable", e);
        }
    }

    public static CampaignTemplate fromJson(String json) {
        try {
            return JSON.readValue(json, CampaignTemplate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored template is unreadable", e);
        }
    }

    static List<String> validate(CampaignTemplate t) {
        // what each field may hold on its own, as the records declare it; then what the fields say together
        List<String> p = new ArrayList<>(fieldProblems(t));
        checkSelector(p, "targets", t.targets(), true);
        if (t.periodic() != null) {
            checkPeriodic(p, t);
        } else if (t.deadline() == null) {
            p.add("字段 deadline 必填（date 或 daysAfterIssue）");
        } else if ((t.deadline().date() == null) == (t.deadline().daysAfterIssue() == null)) {
            p.add("字段 deadline 须且只须给出 date 或 daysAfterIssue 之一");
        }
        Set<String> itemCodes = new HashSet<>();
        for (int i = 0; i < t.items().size(); i++) {
            var item = t.items().get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                p.add("字段 " + at + " 为空");
                continue;
            }
            checkCode(p, at + ".code", item.code(), itemCodes);
            checkSelector(p, at + ".appliesTo", item.appliesTo(), false);
            checkSelector(p, at + ".lead", item.lead(), false);
            checkSelector(p, at + ".cooperating", item.cooperating(), false);
            if (item.cooperating() != null && item.lead() == null) {
                p.add("字段 " + at + ".cooperating 需要同时给出 lead（牵头单位）");
            }
        }
        // no indicators: a notice without a statistics table (a summary and attachments only)
        Set<String> indicatorCodes = new HashSet<>();
        for (int i = 0; i < t.indicators().size(); i++) {
            Indicator ind = t.indicators().get(i);
            String at = "indicators[" + i + "]";
            if (ind == null) {
                p.add("字段 " + at + " 为空");
                continue;
            }
            checkCode(p, at + ".code", ind.code(), indicatorCodes);
            if (ind.scale() != null && ind.type() == CampaignTemplate.IndicatorType.INTEGER && ind.scale() != 0) {
                p.add("字段 " + at + ".scale 与 type integer 矛盾");
            }
        }
        Set<String> plain = t.indicators().stream()
                .filter(i -> i != null && !i.isSubtotal())
                .map(Indicator::code)
                .collect(Collectors.toSet());
        for (int i = 0; i < t.indicators().size(); i++) {
            Indicator ind = t.indicators().get(i);
            if (ind == null) {
                continue;
            }
            for (String ref : ind.sumOf()) {
                if (!plain.contains(ref)) {
                    p.add("字段 indicators[" + i + "].sumOf 引用了不存在或本身是小计的指标 " + ref);
                }
            }
        }
        var a = t.attachments();
        if (a.maxPhotos() != null && (a.maxPhotos() < a.minPhotos() || a.maxPhotos() > 100)) {
            p.add("字段 attachments.maxPhotos 须不小于 minPhotos 且不超过 100");
        }
        if (!a.kinds().isEmpty() && (a.summaryRequired() || a.minPhotos() > 0 || a.maxPhotos() != null)) {
            p.add("字段 attachments：给出 kinds 时，summaryRequired、minPhotos、maxPhotos 写在各类附件中（min、max），不再单独给出");
        }
        if (t.rollup() != null) {
            var r = t.rollup();
            if (r.membersDue() != null && r.membersDueWorkingDaysBefore() != null) {
                p.add("字段 rollup：membersDue（下级单位的报送日期）与 membersDueWorkingDaysBefore（提前的工作日数）只能给出其一");
            }
            if (r.membersDue() != null && t.deadline() != null && t.deadline().date() != null && r.membersDue().isAfter(t.deadline().date())) {
                p.add("字段 rollup.membersDue " + r.membersDue() + " 晚于报送截止日期 " + t.deadline().date() + "：下级单位须先于汇总单位报送");
            }
            Set<String> seen = new HashSet<>();
            r.members().forEach((intermediate, list) -> {
                if (intermediate == null || !CODE.matcher(intermediate).matches() || list == null || list.isEmpty()) {
                    p.add("字段 rollup.members 应形如 {jkzx: [dlz, yzz]}：汇总单位的编码，及经它汇总的单位编码");
                    return;
                }
                for (String m : list) {
                    if (m == null || !CODE.matcher(m).matches() || m.equals(intermediate)) {
                        p.add("字段 rollup.members." + intermediate + " 含无效的单位编码“" + m + "”");
                    } else if (!seen.add(m)) {
                        p.add("字段 rollup.members：单位 " + m + " 只能经一个汇总单位报送");
                    } else if (r.members().containsKey(m)) {
                        p.add("字段 rollup.members：" + m + " 既是汇总单位又经 " + intermediate + " 汇总（只支持两级）");
                    }
                }
            });
        }
        Set<String> kindCodes = new HashSet<>();
        for (int i = 0; i < a.kinds().size(); i++) {
            var k = a.kinds().get(i);
            String at = "attachments.kinds[" + i + "]";
            if (k == null) {
                p.add("字段 " + at + " 为空");
                continue;
            }
            if (k.code() == null || !k.code().matches("[A-Za-z][A-Za-z0-9_-]{0,19}") || k.code().equalsIgnoreCase("CONTRIBUTION")) {
                p.add("字段 " + at + ".code 须为字母开头的字母、数字、下划线或连字符（最多 20 个）");
            } else if (!kindCodes.add(k.code().toUpperCase(java.util.Locale.ROOT))) {
                p.add("字段 " + at + ".code 重复：" + k.code());
            }
            if (k.accept().isEmpty()) {
                p.add("字段 " + at + ".accept 必填（" + String.join("、", CampaignTemplate.AttachmentKind.CATEGORIES) + " 中的一种或几种）");
            }
            for (String c : k.accept()) {
                if (c == null || !CampaignTemplate.AttachmentKind.CATEGORIES.contains(c.strip().toLowerCase(java.util.Locale.ROOT))) {
                    p.add("字段 " + at + ".accept 的值“" + c + "”无法识别（可用：" + String.join("、", CampaignTemplate.AttachmentKind.CATEGORIES) + "）");
                }
            }
            if (k.max() != null && (k.max() < 1 || k.max() > 200 || k.max() < k.minCount())) {
                p.add("字段 " + at + ".max 须在 1～200 之间且不小于 min");
            }
            if (k.tier() != null && (!CampaignTemplate.Tier.ALL.contains(k.tier()) || !t.rollsUp())) {
                p.add("字段 " + at + ".tier 只用于两级汇总（rollup）的通知，须为 members（下级单位上传）或 direct（汇总单位及直报单位上传）");
            }
        }
        checkTables(p, t);
        if (t.severalTables()) {
            if (!t.rules().isEmpty()) {
                p.add("字段 rules：有多张表时，规则写在各表的 rules 中（tables[0].rules …）");
            }
            for (int i = 0; i < t.tables().size(); i++) {
                var table = t.tables().get(i);
                if (table != null) {
                    String at = "字段 tables[" + i + "].rules";
                    FigureRules.problems(table.rules(), ruleOperands(table)).forEach(x -> p.add(x.replace("字段 rules", at)));
                }
            }
        } else {
            p.addAll(FigureRules.problems(t.rules(), t.table() != null ? ruleOperands(t.table())
                    : t.indicators().stream().filter(i -> i != null && i.code() != null).map(Indicator::code).collect(Collectors.toSet())));
        }
        List<Integer> before = t.reminders().workingDaysBefore();
        if (before.stream().anyMatch(n -> n == null || n < 1 || n > 30) || before.size() != new HashSet<>(before).size()) {
            p.add("字段 reminders.workingDaysBefore 须为 1～30 之间互不相同的工作日数");
        }
        for (int i = 0; i < t.dutyRoster().size(); i++) {
            if (t.dutyRoster().get(i) == null) {
                p.add("字段 dutyRoster[" + i + "].duty 必填");
            }
        }
        tooMuchText(t).ifPresent(p::add);
        return p;
    }

    /**
     * The most characters a notice may hold in all its text fields together: as much as a template file may be
     * ({@link #MAX_SOURCE_CHARS}, so every uploaded template fits, and a copy of an earlier notice too). Each field has
     * its own limit, but 200 items of 20,000 characters would still be 4 million characters sent to every unit's form
     * and every document; this is the limit of the whole.
     */
    public static final int MAX_TOTAL_TEXT = MAX_SOURCE_CHARS;

    /**
     * The characters of every text field of the notice together (titles, body, items, table, names, …); not its
     * template code, which is no text of the notice (a campaign replaces it with its own).
     */
    public static long textLength(CampaignTemplate t) {
        long[] total = {0};
        com.fasterxml.jackson.databind.node.ObjectNode tree = JSON.valueToTree(t);
        tree.remove("code");
        tree.forEach(node -> count(node, total));
        return total[0];
    }

    private static void count(com.fasterxml.jackson.databind.JsonNode node, long[] total) {
        if (node.isTextual()) {
            total[0] += node.textValue().length();
        } else {
            node.forEach(child -> count(child, total));
        }
    }

    /** Why the notice as a whole is too long, in Chinese naming the limit; empty when it is not. */
    public static java.util.Optional<String> tooMuchText(CampaignTemplate t) {
        long length = textLength(t);
        return length <= MAX_TOTAL_TEXT ? java.util.Optional.empty()
                : java.util.Optional.of("通知的文字合计过多（各项文字合计最多 " + MAX_TOTAL_TEXT + " 字，现 " + length
                        + " 字），请精简正文或活动事项，或把长的内容作为附件");
    }

    /**
     * What a table's rules may name: a number column (the rule holds on every row), a cell of a fixed row
     * ({@code [row.column]}) or of the total row ({@code [_total.column]}) (the rule holds once).
     */
    private static Set<String> ruleOperands(CampaignTemplate.StatTable table) {
        Set<String> codes = new HashSet<>();
        for (var c : table.numericColumns()) {
            if (c.code() == null) {
                continue;
            }
            codes.add(c.code());
            codes.add("_total." + c.code());
            table.fixedRows().forEach(r -> codes.add(r.code() + "." + c.code()));
        }
        return codes;
    }

    /** The most periods a periodic return may have (five years of months). */
    public static final int MAX_PERIODS = 60;

    private static void checkPeriodic(List<String> p, CampaignTemplate t) {
        var r = t.periodic();
        if (t.deadline() != null) {
            p.add("字段 deadline 不用于定期报送：各期的报送期限由 periodic 给出");
        }
        if (t.rollup() != null) {
            p.add("字段 rollup 暂不能用于定期报送（periodic）");
        }
        if (!r.dates().isEmpty()) {
            if (r.months() != null || r.first() != null || r.count() != null || r.dueDay() != null) {
                p.add("字段 periodic：给出 dates 时不再给出 months、first、count、dueDay");
            }
            atMost(p, "periodic.dates", r.dates().size(), MAX_PERIODS);
            for (int i = 1; i < r.dates().size(); i++) {
                if (r.dates().get(i) == null || r.dates().get(i - 1) == null || !r.dates().get(i).isAfter(r.dates().get(i - 1))) {
                    p.add("字段 periodic.dates 须按日期先后排列，且互不相同");
                    break;
                }
            }
            return;
        }
        if (r.months() == null || !List.of(1, 2, 3, 4, 6, 12).contains(r.months())) {
            p.add("字段 periodic.months 必填：每几个月一期（1、2、3、4、6 或 12），或改为给出 dates（各期的报送日期）");
        }
        if (r.first() == null) {
            p.add("字段 periodic.first 必填：第一期开始的月份，如 2026-01");
        }
        if (r.count() == null || r.count() < 1 || r.count() > MAX_PERIODS) {
            p.add("字段 periodic.count 必填：共几期（1～" + MAX_PERIODS + "）");
        }
        if (r.dueDay() == null || r.dueDay() < 1 || r.dueDay() > 31) {
            p.add("字段 periodic.dueDay 必填：每期结束后次月的几日前报送（1～31）");
        }
    }

    /** The largest number of columns a table may have (a sheet and a phone still show them). */
    public static final int MAX_COLUMNS = 30;
    private static final Pattern CELL_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,23}");

    /** The most tables a notice may carry (附件1–6). */
    public static final int MAX_TABLES = 6;

    private static void checkTables(List<String> p, CampaignTemplate t) {
        if (t.table() != null) {
            if (t.severalTables()) {
                p.add("字段 table 与 tables 只能给出其一（一张表写 table，多张表写 tables）");
            }
            if (t.table().code() != null || t.table().title() != null || !t.table().rules().isEmpty() || t.table().tier() != null
                    || t.table().carry() != null) {
                p.add("字段 table：code、title、rules、tier、carry 只用于 tables 中的各表（一张表的标题写 tableTitle，规则写 rules）");
            }
            checkTable(p, t, "table", t.table());
        }
        if (!t.severalTables()) {
            return;
        }
        if (!t.indicators().isEmpty()) {
            p.add("字段 tables 与 indicators 只能给出其一");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < t.tables().size(); i++) {
            var table = t.tables().get(i);
            String at = "tables[" + i + "]";
            if (table == null) {
                p.add("字段 " + at + " 为空");
                continue;
            }
            if (table.code() == null || !CELL_CODE.matcher(table.code()).matches()) {
                p.add("字段 " + at + ".code 必填：字母开头的字母、数字、下划线或连字符（最多 24 个），如 buildings");
            } else if (!codes.add(table.code())) {
                p.add("字段 " + at + ".code 重复：" + table.code());
            }
            requireText(p, at + ".title", table.title(), MAX_TITLE);
            checkTable(p, t, at, table);
        }
        // in a two-level roll-up a table may be one tier's: the members' forms, and the intermediate's built from them
        for (int i = 0; i < t.tables().size(); i++) {
            var table = t.tables().get(i);
            if (table == null) {
                continue;
            }
            String at = "tables[" + i + "]";
            if (table.tier() != null && !CampaignTemplate.Tier.ALL.contains(table.tier())) {
                p.add("字段 " + at + ".tier 须为 members（下级单位填报）或 direct（汇总单位及直报单位填报）");
            } else if (table.tier() != null && !t.rollsUp()) {
                p.add("字段 " + at + ".tier 只用于两级汇总（rollup）的通知：不分层级时每个单位填报每张表");
            }
            if (table.carry() != null) {
                var source = t.tableByCode(table.carry());
                if (!t.rollsUp() || !CampaignTemplate.Tier.DIRECT.equals(table.tier()) || !table.rowsPerSubUnit()
                        || source == null || !CampaignTemplate.Tier.MEMBERS.equals(source.tier()) || table.carriedColumns(source).isEmpty()) {
                    p.add("字段 " + at + ".carry 是下级单位所填的一张表（tier: members）的编码：本表须为 tier: direct、rows: {subUnits: true}，"
                            + "且至少有一个数字列与那张表的数字列同编码——每个下级单位一行，自动填入它审核通过的合计");
                }
            }
        }
        // a column that takes its values from another table's column: 隐患台账's 建筑名称 from 建筑清单's
        for (int i = 0; i < t.tables().size(); i++) {
            var table = t.tables().get(i);
            if (table == null) {
                continue;
            }
            for (int j = 0; j < table.columns().size(); j++) {
                var c = table.columns().get(j);
                if (c == null || c.from() == null) {
                    continue;
                }
                var source = t.tableByCode(c.fromTable());
                var column = source == null || c.fromColumn() == null ? null : source.column(c.fromColumn());
                if (source == null || source == table || column == null || column.type() != CampaignTemplate.ColumnType.TEXT) {
                    p.add("字段 tables[" + i + "].columns[" + j + "].from 应形如 buildings.name：另一张表的编码和它的一个文字列（" + c.from() + "）");
                }
                if (source != null && source.tier() != null && !source.tier().equals(table.tier())) {
                    p.add("字段 tables[" + i + "].columns[" + j + "].from：" + c.fromTable() + " 只由" + CampaignTemplate.Tier.label(source.tier())
                            .replace("填报", "") + "填报，本表的填报单位须与它相同");
                }
            }
        }
    }

    private static void checkTable(List<String> p, CampaignTemplate t, String path, CampaignTemplate.StatTable table) {
        if (!t.indicators().isEmpty() && path.equals("table")) {
            p.add("字段 table 与 indicators 只能给出其一（indicators 是只有“数量”一列的简单统计表）");
        }
        if (table.columns().isEmpty()) {
            p.add("字段 " + path + ".columns 必填（至少一列）");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < table.columns().size(); i++) {
            var c = table.columns().get(i);
            String at = path + ".columns[" + i + "]";
            if (c == null) {
                p.add("字段 " + at + " 为空");
                continue;
            }
            if (c.code() == null || !CELL_CODE.matcher(c.code()).matches()) {
                p.add("字段 " + at + ".code 须为字母开头的字母、数字、下划线或连字符（最多 24 个）");
            } else if (!codes.add(c.code())) {
                p.add("字段 " + at + ".code 重复：" + c.code());
            }
            if (c.type() == null && !c.isComputed()) {
                p.add("字段 " + at + ".type 必填（integer、decimal、text、date 或 choice）");
            }
            if (c.scale() != null && (c.scale() < 0 || c.scale() > 4 || c.type() != CampaignTemplate.ColumnType.DECIMAL)) {
                p.add("字段 " + at + ".scale 只用于 decimal 列，须在 0～4 之间");
            }
            if (c.from() != null) {
                if (c.type() != CampaignTemplate.ColumnType.CHOICE || !c.options().isEmpty() || !t.severalTables()) {
                    p.add("字段 " + at + ".from 只用于多张表中的 choice 列（不再给出 options）：从另一张表已填的值中选择");
                }
            } else if (c.type() == CampaignTemplate.ColumnType.CHOICE) {
                if (c.options().isEmpty() || c.options().stream().anyMatch(o -> o == null || o.isBlank() || o.length() > MAX_NAME)) {
                    p.add("字段 " + at + ".options 必填：choice 列可选的值（每项最多 " + MAX_NAME + " 个字符）");
                }
            } else if (!c.options().isEmpty()) {
                p.add("字段 " + at + ".options 只用于 choice 列");
            }
            if (c.maxLength() != null && (c.type() != CampaignTemplate.ColumnType.TEXT || c.maxLength() < 1 || c.maxLength() > 2000)) {
                p.add("字段 " + at + ".maxLength 只用于 text 列，须在 1～2000 之间");
            }
            if (c.pattern() != null) {
                if (c.type() != CampaignTemplate.ColumnType.TEXT) {
                    p.add("字段 " + at + ".pattern 只用于 text 列");
                } else if (c.pattern().isBlank() || c.pattern().length() > 200 || !compiles(c.pattern())) {
                    p.add("字段 " + at + ".pattern 不是有效的格式（正则表达式，最多 200 个字符），如 地上\\d+层，地下\\d+层");
                } else if (c.example() == null || c.example().isBlank() || c.example().length() > 100) {
                    p.add("字段 " + at + ".example 必填：给出一个符合格式的例子（最多 100 字），填报单位照着填写");
                } else if (!Pattern.compile(c.pattern()).matcher(c.example().strip()).matches()) {
                    p.add("字段 " + at + ".example“" + c.example() + "”不符合它自己的 pattern");
                }
            } else if (c.example() != null) {
                p.add("字段 " + at + ".example 只与 pattern 一同使用");
            }
            if (c.isComputed() && c.type() != null && c.type() != CampaignTemplate.ColumnType.INTEGER && c.type() != CampaignTemplate.ColumnType.DECIMAL) {
                p.add("字段 " + at + ".sumOf 只能用于数字列");
            }
        }
        for (int i = 0; i < table.columns().size(); i++) {
            var c = table.columns().get(i);
            if (c == null) {
                continue;
            }
            for (String ref : c.sumOf()) {
                var target = ref == null ? null : table.column(ref);
                if (target == null || !target.isNumeric() || target.isComputed()) {
                    p.add("字段 " + path + ".columns[" + i + "].sumOf 引用了不存在、不是数字或本身是合计的列 " + ref);
                }
            }
        }
        var rows = table.rows();
        int kinds = rows == null ? 0 : (rows.fixed().isEmpty() ? 0 : 1) + (Boolean.TRUE.equals(rows.subUnits()) ? 1 : 0)
                + (rows.added() != null ? 1 : 0);
        if (kinds != 1) {
            p.add("字段 " + path + ".rows 须且只须给出 fixed（固定的行）、subUnits: true（每个下级单位一行）或 added（由单位逐行添加）之一");
        }
        if (table.totalLabel() != null && (table.totalLabel().isBlank() || table.totalLabel().length() > 20 || !table.showsTotal())) {
            p.add("字段 " + path + ".totalLabel 是合计行的名称（最多 20 个字，如 市州合计），只用于有合计行的表");
        }
        if (rows != null && Boolean.TRUE.equals(rows.ownRow()) && !Boolean.TRUE.equals(rows.subUnits())) {
            p.add("字段 " + path + ".rows.ownRow 只用于 subUnits: true：本单位（本级）一行，再加每个下级单位一行");
            return;
        }
        if (rows == null) {
            return;
        }
        Set<String> rowCodes = new HashSet<>();
        for (int i = 0; i < rows.fixed().size(); i++) {
            var r = rows.fixed().get(i);
            String at = path + ".rows.fixed[" + i + "]";
            if (r == null) {
                p.add("字段 " + at + " 为空");
                continue;
            }
            if (r.code() == null || !CELL_CODE.matcher(r.code()).matches()) {
                p.add("字段 " + at + ".code 须为字母开头的字母、数字、下划线或连字符（最多 24 个）");
            } else if (!rowCodes.add(r.code())) {
                p.add("字段 " + at + ".code 重复：" + r.code());
            }
        }
        if (rows.added() != null) {
            var a = rows.added();
            if (a.minRows() < 0 || a.maxRows() < 1 || a.maxRows() > MAX_ROWS || a.minRows() > a.maxRows()) {
                p.add("字段 " + path + ".rows.added 的 min、max 须满足 0 ≤ min ≤ max ≤ " + MAX_ROWS);
            }
        }
    }

    /**
     * The problems under the path of their field ({@code 字段 items[2].title 必填} under {@code items[2].title}), for a
     * form that shows each at its field; a problem naming no field is under {@code _}.
     */
    public static java.util.Map<String, String> byField(List<String> problems) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        var field = Pattern.compile("^字段 ([A-Za-z0-9_.\\[\\]]+)[ ：]?(.*)$");
        for (String p : problems) {
            var m = field.matcher(p);
            if (m.matches()) {
                out.merge(m.group(1).replaceAll("\\.$", ""), m.group(2).isBlank() ? p : m.group(2).strip(), (a, b) -> a + "；" + b);
            } else {
                out.merge("_", p, (a, b) -> a + "；" + b);
            }
        }
        return out;
    }

    /** Bean Validation, built once: the template's own declarations, no Spring needed (TemplateParserTest runs without it). */
    private static final jakarta.validation.Validator FIELDS;

    static {
        try (var factory = jakarta.validation.Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory()) {
            FIELDS = factory.getValidator();
        }
    }

    /**
     * Each field's own problems, as the records declare them (必填, 过长, 过多, 须在 1～2048 之间), said as every problem
     * is — 字段 attachments.kinds[0].maxSizeMb 须在 1～2048 之间 — in the order of their paths.
     */
    static List<String> fieldProblems(CampaignTemplate t) {
        return FIELDS.validate(t).stream()
                .map(v -> new String[] {v.getPropertyPath().toString(), v.getMessage()})
                .sorted(java.util.Comparator.comparing((String[] x) -> sortable(x[0])).thenComparing(x -> x[1]))
                .map(x -> "字段 " + x[0] + " " + x[1]).distinct().toList();
    }

    /** A path whose list indexes sort as numbers (items[2] before items[10]). */
    private static String sortable(String path) {
        java.util.regex.Matcher m = Pattern.compile("\\[(\\d+)]").matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, "[" + String.format("%06d", Integer.parseInt(m.group(1))) + "]");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static void checkCode(List<String> p, String at, String code, Set<String> seen) {
        if (blank(code)) {
            p.add("字段 " + at + " 必填");
        } else if (!CODE.matcher(code).matches()) {
            p.add("字段 " + at + " 只能含字母、数字、下划线和连字符");
        } else if (!seen.add(code)) {
            p.add("字段 " + at + " 重复：" + code);
        }
    }

    private static void checkSelector(List<String> p, String at, UnitSelector s, boolean required) {
        if (s == null) {
            if (required) {
                p.add("字段 " + at + " 必填（all、types、units 或 childrenOf）");
            }
            return;
        }
        if (s.isEmpty()) {
            p.add("字段 " + at + " 未选中任何单位（all、types、units 或 childrenOf）");
        }
        for (String code : s.units()) {
            if (blank(code)) {
                p.add("字段 " + at + ".units 含空值");
            }
        }
        for (String code : s.childrenOf()) {
            if (blank(code)) {
                p.add("字段 " + at + ".childrenOf 含空值");
            }
        }
    }

    private static void requireText(List<String> p, String field, String value, int max) {
        if (blank(value)) {
            p.add("字段 " + field + " 必填");
        } else if (value.length() > max) {
            p.add("字段 " + field + " 过长（最多 " + max + " 个字符）");
        }
    }

    private static void atMost(List<String> p, String field, int count, int max) {
        if (count > max) {
            p.add("字段 " + field + " 过多（最多 " + max + " 项）");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(根)" : sb.toString();
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /** Collects each unknown field with its path and what its place knows, and reads on. */
    private static final class UnknownFields extends com.fasterxml.jackson.databind.deser.DeserializationProblemHandler {
        private final List<String> found;

        UnknownFields(List<String> found) {
            this.found = found;
        }

        @Override
        public boolean handleUnknownProperty(com.fasterxml.jackson.databind.DeserializationContext ctxt,
                                             com.fasterxml.jackson.core.JsonParser p,
                                             com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer, Object bean,
                                             String name) throws java.io.IOException {
            String at = path(p.getParsingContext().getParent(), name);
            List<String> known = deserializer.getKnownPropertyNames() == null ? List.of()
                    : deserializer.getKnownPropertyNames().stream().map(String::valueOf).sorted().toList();
            found.add("未知字段 " + at + (known.isEmpty() ? "" : "（此处可用：" + String.join("、", known) + "）"));
            p.skipChildren();
            return true;
        }
    }

    /** The path of a field from the parser's context: items[2].title. */
    private static String path(com.fasterxml.jackson.core.JsonStreamContext ctx, String name) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        parts.push(name);
        for (var c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (!sb.isEmpty() && !part.startsWith("[")) {
                sb.append('.');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** A value of the wrong kind, said in the words of what the field takes (not the Java type it is read into). */
    static String mismatch(String at, com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        String wanted;
        if (type == null) {
            wanted = "格式不对";
        } else if (type == Boolean.class || type == boolean.class) {
            wanted = "应为 true 或 false";
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            wanted = "应为整数";
        } else if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
            wanted = "应为数字";
        } else if (type == String.class) {
            wanted = "应为文字";
        } else if (type == java.time.LocalDate.class) {
            wanted = "应为日期（如 2026-03-15）";
        } else if (java.util.Collection.class.isAssignableFrom(type)) {
            wanted = "应为列表（如 [a, b]，或每项一行、以 - 开头）";
        } else if (type.isEnum()) {
            wanted = "应为其中之一：" + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining("、"));
        } else {
            wanted = "应为若干“字段: 值”";
        }
        String hint = at.endsWith("totalRow") ? "；合计行的名称请写在 table.totalLabel（如 市州合计）" : "";
        return "字段 " + at + " 的值" + wanted + hint;
    }

    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
