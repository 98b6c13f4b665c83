package cn.duban.document;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.CampaignTemplate.ActivityItem;
import cn.duban.campaign.CampaignTemplate.UnitSelector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notice's parts in the order GB/T 9704-2012 lays them out, built from the campaign's fields: the body's dates
 * come from the campaign (a deadline the drafter changed is the one the body says), the activity items stand under
 * the body's heading where the notice leaves their place (一、 … 三、: the items are 二、), each with its dates and its
 * lead and cooperating units by name. Pure: no database, no engine (NoticeDocumentTest); rendered by
 * {@link NoticeDocx} and {@link NoticeHtml}.
 *
 * @param issuerMark 发文机关标志 (沂源县卫生健康局文件)
 * @param number     发文字号 (沂卫字〔2026〕12号), empty while none is given
 * @param addressee  主送机关, ending in a full-width colon
 * @param body       the body's paragraphs, headings marked with their level
 * @param roster     the duty roster (值班安排), if the notice has one
 * @param attachments 附件说明: the attachments' names, in order
 * @param signature  发文机关署名, who also prints it (版记)
 * @param date       成文日期
 * @param tables     the blank statistics tables of the attachments (附件, or 附件1, 附件2 … with several), in order
 * @param bulletinIssuer for a 简报-style head (a 督办通报), who issues it (沂源县卫生健康局综合监督科); null for a 文件's head
 */
public record NoticeDocument(String issuerMark, String number, String title, String addressee, List<Paragraph> body,
                             List<RosterRow> roster, List<String> attachments, String signature, LocalDate date,
                             List<BlankTable> tables, String bulletinIssuer) {

    public NoticeDocument {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** A 文件-style document (版头: 发文机关标志, 发文字号 over the red line). */
    public NoticeDocument(String issuerMark, String number, String title, String addressee, List<Paragraph> body,
                          List<RosterRow> roster, List<String> attachments, String signature, LocalDate date, List<BlankTable> tables) {
        this(issuerMark, number, title, addressee, body, roster, attachments, signature, date, tables, null);
    }

    /** The first attachment's blank table, or null. */
    public BlankTable table() {
        return tables.isEmpty() ? null : tables.get(0);
    }

    /** How an attachment is headed: 附件 for the one, 附件1, 附件2 … for several (GB/T 9704 7.3.6). */
    public String attachmentLabel(int index) {
        return tables.size() > 1 ? "附件" + (index + 1) : "附件";
    }

    /**
     * Whether the head is a 简报's (GB/T 9704-2012 allows it for 纪要、简报-like documents; a 督办通报 carries it): the name
     * (督办通报) in red, the issue (第1期) under it, then who issues it on the left and the day on the right over the
     * red line — not "…文件" over a 发文字号.
     */
    public boolean bulletin() {
        return bulletinIssuer != null;
    }

    /**
     * A paragraph: level 0 text, 1 一、 (黑体), 2 （一） (楷体), 3 1. and 4 （1） (仿宋). A heading that runs on into
     * its text (（一）提高政治站位，强化组织领导。各单位要…) keeps it: {@code heading} is the part in the heading's font,
     * {@code text} the rest.
     */
    public record Paragraph(int level, String heading, String text) {
        public String whole() {
            return heading + text;
        }
    }

    /** The document as plain text, for a mail: title, addressee, the body paragraph by paragraph, 署名 and date. */
    public String plainText() {
        StringBuilder t = new StringBuilder(title).append("\n");
        if (number != null && !number.isBlank()) {
            t.append(number).append("\n");
        }
        t.append("\n").append(addressee).append("\n");
        body.forEach(p -> t.append(p.level() == 0 ? "　　" : "").append(p.whole()).append("\n"));
        return t.append("\n").append(signature).append("\n").append(NoticeDocx.day(date)).toString();
    }

    public record RosterRow(String period, String duty, String lead, String cooperating) {}

    /**
     * The statistics table as the attachment prints it, blank: its title, the heading row (with units of measure),
     * the rows' headings (empty where the unit writes them), whether a 合计 row closes it.
     */
    public record BlankTable(String title, List<String> headings, List<List<String>> rows, boolean totalRow, String totalName) {}

    private static final String NUMERALS = "一二三四五六七八九十";
    private static final String HEADING_NUMERAL = "[一二三四五六七八九十百千零]{1,8}";
    private static final Pattern LEVEL1 = Pattern.compile("^(" + HEADING_NUMERAL + ")、(.*)$");
    private static final Pattern LEVEL2 = Pattern.compile("^（" + HEADING_NUMERAL + "）(.*)$");
    private static final Pattern LEVEL3 = Pattern.compile("^[0-9]{1,4}[.．](.*)$");
    private static final Pattern LEVEL4 = Pattern.compile("^（[0-9]{1,4}）(.*)$");

    /**
     * The notice of a campaign.
     *
     * @param deadline the campaign's deadline (null for a periodic return: each period has its own)
     * @param date     成文日期: the day it was signed off, or today for a draft
     * @param names    the names of the units a selector picks
     */
    public static NoticeDocument of(CampaignTemplate t, String title, String number, LocalDate deadline, LocalDate date,
                                    Function<UnitSelector, List<String>> names) {
        String text = withDates(t, t.noticeText(), deadline);
        List<String> lines = new ArrayList<>(text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        String addressee = "";
        if (!lines.isEmpty() && (lines.get(0).endsWith("：") || lines.get(0).endsWith(":")) && lines.get(0).length() <= 200) {
            addressee = lines.remove(0).replaceFirst(":$", "：");
        }
        List<Paragraph> body = new ArrayList<>();
        lines.forEach(l -> body.add(paragraph(l)));
        List<Paragraph> items = items(t.items(), names);
        if (!items.isEmpty()) {
            insertItems(body, items);
        }
        // every notice says whom to ask: the template's contact, unless its text already names one
        String contact = contactLine(t.contact());
        if (contact != null && !text.contains("联系人")) {
            body.add(new Paragraph(0, "", contact));
        }
        List<RosterRow> roster = t.dutyRoster().stream().map(d -> new RosterRow(d.period() == null ? "" : d.period(), d.duty(),
                d.lead() == null ? "" : String.join("、", names.apply(d.lead())),
                d.cooperating() == null ? "" : String.join("、", names.apply(d.cooperating())))).toList();
        List<BlankTable> tables = new ArrayList<>();
        if (!t.allTables().isEmpty()) {
            t.allTables().forEach(x -> tables.add(blankTable(t, x)));
        } else if (t.hasTable()) {
            tables.add(blankTable(t, null));
        }
        // 附件说明: the attachments' names in order (numbered as they are printed)
        // (in a two-level roll-up, a table one tier fills says which: （下级单位填报）)
        List<String> attachments = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            var x = t.allTables().isEmpty() ? null : t.allTables().get(i);
            attachments.add(tables.get(i).title() + (x == null || x.tier() == null ? ""
                    : "（" + CampaignTemplate.Tier.label(x.tier()) + "）"));
        }
        return new NoticeDocument(t.issuer() + "文件", number == null ? "" : number.strip(), title, addressee, body, roster,
                attachments, t.issuer(), date, List.copyOf(tables));
    }

    /** 联系人：杨磊，联系电话：3232576，邮箱：…。 — what the template gives of it; null when it gives nobody. */
    static String contactLine(CampaignTemplate.Contact c) {
        if (c == null || c.person() == null || c.person().isBlank()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("联系人：").append(c.person().strip());
        if (c.phone() != null && !c.phone().isBlank()) {
            sb.append("，联系电话：").append(c.phone().strip());
        }
        if (c.mailbox() != null && !c.mailbox().isBlank()) {
            sb.append("，邮箱：").append(c.mailbox().strip());
        }
        return sb.append("。").toString();
    }

    /**
     * The body with the campaign's dates: the template's own deadline, wherever the text says it (2024年3月22日,
     * 3月22日), and {@code {{报送截止日期}}}, become the campaign's deadline.
     */
    static String withDates(CampaignTemplate t, String text, LocalDate deadline) {
        if (text == null) {
            return "";
        }
        if (deadline == null) {
            return text.replace("{{报送截止日期}}", "各期报送期限");
        }
        String day = deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日";
        String out = text.replace("{{报送截止日期}}", day);
        LocalDate written = t.deadline() == null ? null : t.deadline().date();
        if (written != null && !written.equals(deadline)) {
            String full = written.getYear() + "年" + written.getMonthValue() + "月" + written.getDayOfMonth() + "日";
            out = out.replace(full, deadline.getYear() + "年" + day);
            out = out.replaceAll("(?<![0-9年])" + written.getMonthValue() + "月" + written.getDayOfMonth() + "日", day);
        }
        return out;
    }

    /** A line of the body, its heading found by its numbering; a heading that runs on into text is split after its 。 */
    static Paragraph paragraph(String line) {
        int level = LEVEL1.matcher(line).matches() ? 1 : LEVEL2.matcher(line).matches() ? 2
                : LEVEL3.matcher(line).matches() ? 3 : LEVEL4.matcher(line).matches() ? 4 : 0;
        if (level == 0) {
            return new Paragraph(0, "", line);
        }
        int stop = line.indexOf('。');
        if (level > 1 && stop > 0 && stop < line.length() - 1) {
            return new Paragraph(level, line.substring(0, stop + 1), line.substring(stop + 1));
        }
        return new Paragraph(level, line, "");
    }

    /**
     * The items as the body says them: under their group's heading （一）… where they have one, each 1. title, its
     * text, its dates and who leads and cooperates; without groups each item is a （一） of its own.
     */
    static List<Paragraph> items(List<ActivityItem> items, Function<UnitSelector, List<String>> names) {
        List<Paragraph> out = new ArrayList<>();
        Map<String, List<ActivityItem>> groups = new LinkedHashMap<>();
        items.forEach(i -> groups.computeIfAbsent(i.group() == null ? "" : i.group().strip(), k -> new ArrayList<>()).add(i));
        int ungrouped = 0;
        for (var g : groups.entrySet()) {
            if (!g.getKey().isEmpty()) {
                out.add(new Paragraph(2, g.getKey(), ""));
            }
            int n = 0;
            for (ActivityItem i : g.getValue()) {
                String heading = g.getKey().isEmpty() ? "（" + numeral(++ungrouped) + "）" + i.title() + "。" : (++n) + ". " + i.title() + "。";
                StringBuilder text = new StringBuilder(i.text() == null ? "" : i.text().strip());
                if (i.dates() != null && !i.dates().isBlank()) {
                    text.append("（时间：").append(i.dates().strip()).append("）");
                }
                if (i.appliesTo() != null && !i.appliesTo().isEmpty() && !i.appliesTo().selectsAll()) {
                    // an item for some of the units says which: the document says what each unit's form says
                    text.append("（适用单位：").append(String.join("、", names.apply(i.appliesTo()))).append("）");
                }
                if (i.lead() != null) {
                    text.append("（牵头单位：").append(String.join("、", names.apply(i.lead())));
                    if (i.cooperating() != null) {
                        text.append("；配合单位：").append(String.join("、", names.apply(i.cooperating())));
                    }
                    text.append("）");
                }
                out.add(new Paragraph(g.getKey().isEmpty() ? 2 : 3, heading, text.toString()));
            }
        }
        return out;
    }

    /**
     * The items go where the body leaves their place: the first missing number of its 一、二、三、 headings (一、 then
     * 三、: they are 二、); a body that numbers every part keeps its own words; one without headings is followed by them.
     */
    static void insertItems(List<Paragraph> body, List<Paragraph> items) {
        List<Integer> headings = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).level() == 1) {
                headings.add(i);
            }
        }
        if (headings.isEmpty()) {
            body.addAll(items);
            return;
        }
        int expected = 1;
        for (int at : headings) {
            Matcher m = LEVEL1.matcher(body.get(at).heading());
            m.matches();
            int n = number(m.group(1));
            if (n > expected && expected <= 9999) {
                List<Paragraph> section = new ArrayList<>();
                section.add(new Paragraph(1, numeral(expected) + "、主要活动", ""));
                section.addAll(items);
                body.addAll(at, section);
                return;
            }
            expected = n + 1;
        }
    }

    /**
     * A count in Chinese numerals as an official document writes its headings: 一 … 十、十一 … 九十九、一百、一百零一、
     * 一百一十 … 九千九百九十九. The template language allows 200 items (each its own （一） when it has no group) and a
     * body of 100,000 characters, whose 一、 headings cannot reach a thousand: every count a notice can hold.
     */
    static String numeral(int n) {
        if (n < 1 || n > 9999) {
            throw new IllegalArgumentException("no heading numeral for " + n);
        }
        String[] units = {"千", "百", "十", ""};
        int[] digits = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
            if (digits[i] == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            // 十一, not 一十一, when the number starts at the tens (a hundred and ten is still 一百一十)
            if (!(i == 2 && digits[i] == 1 && out.length() == 0)) {
                out.append(NUMERALS.charAt(digits[i] - 1));
            }
            out.append(units[i]);
        }
        return out.toString();
    }

    /** The count a heading's Chinese numeral says ({@link #numeral}'s inverse). */
    static int number(String numeral) {
        int total = 0;
        int digit = 0;
        for (char c : numeral.toCharArray()) {
            int d = NUMERALS.indexOf(c);
            if (c == '零') {
                digit = 0;
            } else if (d >= 0 && d < 9) {
                digit = d + 1;
            } else {
                int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : 0;
                if (unit == 0) {
                    throw new IllegalArgumentException("not a numeral: " + numeral);
                }
                total += (digit == 0 ? 1 : digit) * unit;
                digit = 0;
            }
        }
        return total + digit;
    }

    /**
     * An attachment's blank table: as the unit fills it, its rows' headings printed, its figures left blank; the
     * indicators' table where {@code table} is null.
     */
    static BlankTable blankTable(CampaignTemplate t, CampaignTemplate.StatTable table) {
        List<String> headings = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        boolean total;
        if (table == null) {
            headings.addAll(List.of("序号", "类别", "单位", "数量"));
            for (int i = 0; i < t.indicators().size(); i++) {
                var ind = t.indicators().get(i);
                rows.add(List.of(String.valueOf(i + 1), ind.name() + (ind.isSubtotal() ? "（小计）" : ""), ind.unit(), ""));
            }
            total = false;
        } else {
            headings.add("序号");
            if (!table.rowsAdded()) {
                headings.add(table.heading());
            }
            table.columns().forEach(c -> headings.add(c.name() + (c.unit() == null || c.unit().isBlank() ? "" : "（" + c.unit() + "）")));
            List<String> labels = table.rowsPerSubUnit() || table.rowsAdded()
                    ? java.util.Collections.nCopies(5, "") : table.fixedRows().stream().map(CampaignTemplate.Row::name).toList();
            for (int i = 0; i < labels.size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(table.rowsPerSubUnit() || table.rowsAdded() ? "" : String.valueOf(i + 1));
                if (!table.rowsAdded()) {
                    row.add(labels.get(i));
                }
                table.columns().forEach(c -> row.add(""));
                rows.add(row);
            }
            total = table.showsTotal();
        }
        return new BlankTable(table == null ? t.statisticsTitle() : t.titleOf(table), headings, rows, total,
                table != null ? table.totalName() : "合计");
    }
}
