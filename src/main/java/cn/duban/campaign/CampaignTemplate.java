package cn.duban.campaign;

import static cn.duban.campaign.TemplateParser.MAX_COLUMNS;
import static cn.duban.campaign.TemplateParser.MAX_CONTACT;
import static cn.duban.campaign.TemplateParser.MAX_DATES;
import static cn.duban.campaign.TemplateParser.MAX_DOCUMENT_NUMBER;
import static cn.duban.campaign.TemplateParser.MAX_ITEM_TEXT;
import static cn.duban.campaign.TemplateParser.MAX_MAILBOX;
import static cn.duban.campaign.TemplateParser.MAX_NAME;
import static cn.duban.campaign.TemplateParser.MAX_NOTICE_TEXT;
import static cn.duban.campaign.TemplateParser.MAX_ROWS;
import static cn.duban.campaign.TemplateParser.MAX_TABLES;
import static cn.duban.campaign.TemplateParser.MAX_TITLE;
import static cn.duban.campaign.TemplateParser.MAX_UNIT_OF_MEASURE;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.validator.constraints.Range;

/**
 * A campaign template: everything that differs from one notice to the next. Written as YAML or JSON
 * (see docs/templates.md); a new notice is a new template, never new code. What each field may hold on its own is
 * declared here (Bean Validation: required, how long, how many, in which range), what fields say together is
 * checked in {@link TemplateParser#validate}; both answer 字段 &lt;path&gt; &lt;problem&gt;.
 */
public record CampaignTemplate(
        @NotBlank(message = Says.REQUIRED) @Pattern(regexp = "\\s*|[A-Za-z0-9_-]{1,64}", message = "只能含字母、数字、下划线和连字符（1～64 个字符）")
        String code,
        @NotBlank(message = Says.REQUIRED) @Size(max = MAX_TITLE, message = Says.TOO_LONG) String title,
        @Size(max = MAX_DOCUMENT_NUMBER, message = Says.TOO_LONG) String documentNumber,
        @NotBlank(message = Says.REQUIRED) @Size(max = MAX_NAME, message = Says.TOO_LONG) String issuer,
        @NotBlank(message = Says.REQUIRED) @Size(max = MAX_NAME, message = Says.TOO_LONG) String section,
        @Valid Contact contact,
        @NotBlank(message = Says.REQUIRED) @Size(max = MAX_NOTICE_TEXT, message = Says.TOO_LONG) String noticeText,
        @Size(max = MAX_ROWS, message = Says.TOO_MANY) List<@Valid ActivityItem> items,
        UnitSelector targets,
        @Valid Deadline deadline,
        @Size(max = MAX_ROWS, message = Says.TOO_MANY) List<@Valid Indicator> indicators,
        @Valid AttachmentRules attachments,
        @Size(max = MAX_ROWS, message = Says.TOO_MANY) List<@Valid DutyEntry> dutyRoster,
        boolean unitHeadApproval,
        Reminders reminders,
        @Size(max = MAX_TITLE, message = Says.TOO_LONG) String tableTitle,
        @Size(max = MAX_ROWS, message = Says.TOO_MANY) List<Rule> rules,
        @Valid Rollup rollup,
        @Valid StatTable table,
        Periodic periodic,
        Boolean zeroReport,
        @Size(max = MAX_TABLES, message = Says.TOO_MANY) List<@Valid StatTable> tables) {

    /** How a field's own problem is said, after 字段 and its path. */
    static final class Says {
        static final String REQUIRED = "必填";
        static final String TOO_LONG = "过长（最多 {max} 个字符）";
        static final String TOO_MANY = "过多（最多 {max} 项）";
        static final String RANGE = "须在 {min}～{max} 之间";

        private Says() {}
    }

    public CampaignTemplate(String code, String title, String documentNumber, String issuer, String section, Contact contact,
                            String noticeText, List<ActivityItem> items, UnitSelector targets, Deadline deadline,
                            List<Indicator> indicators, AttachmentRules attachments, List<DutyEntry> dutyRoster,
                            boolean unitHeadApproval, Reminders reminders, String tableTitle, List<Rule> rules, Rollup rollup,
                            StatTable table, Periodic periodic, Boolean zeroReport) {
        this(code, title, documentNumber, issuer, section, contact, noticeText, items, targets, deadline, indicators, attachments,
                dutyRoster, unitHeadApproval, reminders, tableTitle, rules, rollup, table, periodic, zeroReport, null);
    }

    public CampaignTemplate(String code, String title, String documentNumber, String issuer, String section, Contact contact,
                            String noticeText, List<ActivityItem> items, UnitSelector targets, Deadline deadline,
                            List<Indicator> indicators, AttachmentRules attachments, List<DutyEntry> dutyRoster,
                            boolean unitHeadApproval, Reminders reminders, String tableTitle, List<Rule> rules, Rollup rollup,
                            StatTable table, Periodic periodic) {
        this(code, title, documentNumber, issuer, section, contact, noticeText, items, targets, deadline, indicators, attachments,
                dutyRoster, unitHeadApproval, reminders, tableTitle, rules, rollup, table, periodic, null);
    }

    /**
     * Whether a unit may hand in a 零报告: it states, in its summary, that it has nothing of the kind (无安全隐患，特此零报告);
     * its figures are zeros, its files are not required, and every list says 零报告 rather than counting it as missing.
     */
    public boolean allowsZeroReport() {
        return Boolean.TRUE.equals(zeroReport);
    }

    public CampaignTemplate {
        items = items == null ? List.of() : List.copyOf(items);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        dutyRoster = dutyRoster == null ? List.of() : List.copyOf(dutyRoster);
        attachments = attachments == null ? new AttachmentRules(false, 0, null) : attachments;
        reminders = reminders == null ? Reminders.DEFAULT : reminders;
        rules = rules == null ? List.of() : List.copyOf(rules);
        tables = tables == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tables));
    }

    /**
     * Every statistics table with columns the notice carries, in the order of its attachments: its one {@code table},
     * or its several {@code tables} (附件1 校园房屋建筑清单, 附件2 隐患排查整治台账 …), each with its own rows, columns and
     * rules; empty for a notice with indicators or none.
     */
    @JsonIgnore
    public List<StatTable> allTables() {
        return !tables.isEmpty() ? tables : table == null ? List.of() : List.of(table);
    }

    /** Whether the notice carries several tables (each named by its code in its cells: {@code buildings:3.name}). */
    @JsonIgnore
    public boolean severalTables() {
        return !tables.isEmpty();
    }

    /** The two tiers of a roll-up a table or an attachment kind may be filled by. */
    public static final class Tier {
        /** 下级单位: the units that report through an intermediate unit. */
        public static final String MEMBERS = "members";
        /** 直报单位: the intermediate units, and the units reporting to the bureau directly. */
        public static final String DIRECT = "direct";
        public static final List<String> ALL = List.of(MEMBERS, DIRECT);

        private Tier() {}

        /** How the forms name a tier. */
        public static String label(String tier) {
            return MEMBERS.equals(tier) ? "下级单位填报" : DIRECT.equals(tier) ? "汇总单位及直报单位填报" : "各单位填报";
        }
    }

    /**
     * What one unit fills of the notice: the tables and the kinds of attachment of its tier (in a two-level roll-up, a
     * member fills its own forms, its intermediate the summary ones); every one of them without a roll-up.
     */
    public record Part(List<StatTable> tables, List<AttachmentKind> kinds) {}

    /** What a member ({@code member}) or a unit reporting to the bureau fills of this notice. */
    public Part partFor(boolean member) {
        return new Part(allTables().stream().filter(x -> x.filledBy(member)).toList(),
                attachments.effectiveKinds().stream().filter(k -> k.filledBy(member)).toList());
    }

    /** The whole notice: every table and every kind (the county's views). */
    public Part whole() {
        return new Part(allTables(), attachments.effectiveKinds());
    }

    /** A table's number among the notice's attachments (附件2), whatever part of them a unit fills. */
    public int attachmentNo(StatTable t) {
        return allTables().indexOf(t) + 1;
    }

    /** The rules a table's figures are held to: its own (with several tables), or the notice's. */
    public List<Rule> rulesOf(StatTable t) {
        return severalTables() ? t.rules() : rules;
    }

    /** The table with this code among several, or null. */
    public StatTable tableByCode(String code) {
        return tables.stream().filter(x -> x != null && x.code() != null && x.code().equals(code)).findFirst().orElse(null);
    }

    /** A table's heading as the notice's attachment: its title, or the notice's 统计表 title for its one table. */
    public String titleOf(StatTable t) {
        if (severalTables() && t.title() != null && !t.title().isBlank()) {
            return t.title().strip();
        }
        return statisticsTitle();
    }

    /**
     * A two-level roll-up: a target unit whose parent (in the registry) is also a target is a member of that
     * intermediate unit — it reports to it {@code membersDueWorkingDaysBefore} working days before the deadline, the
     * intermediate reviews it (approve, or return with a reason) and hands in its own report to the bureau by the
     * deadline.
     */
    /**
     * A two-level roll-up: members are due {@code membersDueWorkingDaysBefore} working days before the deadline (default
     * 3), or on a day of their own ({@code membersDue}: 2026-10-20, a Saturday if the notice says so); who is whose
     * member is the registry's parents, or the notice's own {@code members} ({@code {jkzx: [dlz, yzz]}}: this notice
     * routes those units through that one, and the registry stays as it is for every other notice).
     */
    public record Rollup(@Range(min = 1, max = 30, message = "须在 1～30 之间（下级单位比截止日期提前的工作日数）") Integer membersDueWorkingDaysBefore,
                         LocalDate membersDue, java.util.Map<String, List<String>> members) {
        public Rollup {
            members = members == null ? java.util.Map.of() : java.util.Map.copyOf(members);
        }

        public Rollup(Integer membersDueWorkingDaysBefore) {
            this(membersDueWorkingDaysBefore, null, null);
        }

        public int daysBefore() {
            return membersDueWorkingDaysBefore == null ? 3 : membersDueWorkingDaysBefore;
        }

        /**
         * The members' due date for a notice due on {@code deadline}: the notice's own day (never after the deadline),
         * else that many working days before it. The one definition: distribution and the rehearsal use it.
         */
        public LocalDate membersDueFor(LocalDate deadline, java.util.function.BiFunction<LocalDate, Integer, LocalDate> workingDaysBefore) {
            if (membersDue != null) {
                return membersDue.isAfter(deadline) ? deadline : membersDue;
            }
            return workingDaysBefore.apply(deadline, daysBefore());
        }

        /** Member → intermediate as the notice itself says it; empty when the registry's parents decide. */
        public java.util.Map<String, String> ownHierarchy() {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            members.forEach((intermediate, list) -> (list == null ? List.<String>of() : list).forEach(m -> out.put(m, intermediate)));
            return out;
        }
    }

    /**
     * A periodic return (定期报送): one notice, signed off once, for a series of periods, each opened by duban on its
     * date with its own due date. Either every {@code months} months (1 monthly, 2, 3 quarterly, 6, 12) from the
     * month {@code first} ({@code 2026-01}) for {@code count} periods, each due on {@code dueDay} of the month after
     * it ends; or a list of due {@code dates}. {@code moveToWorkingDay} moves a due date on a non-working day to the
     * next working day; {@code carryOver} gives a unit that misses a period its previous period's figures, marked
     * as carried over.
     */
    public record Periodic(Integer months, java.time.YearMonth first, Integer count, Integer dueDay, List<LocalDate> dates,
                           Boolean moveToWorkingDay, Boolean carryOver) {
        public Periodic {
            dates = dates == null ? List.of() : List.copyOf(dates);
        }

        public boolean movesToWorkingDay() {
            return Boolean.TRUE.equals(moveToWorkingDay);
        }

        public boolean carriesOver() {
            return Boolean.TRUE.equals(carryOver);
        }
    }

    /** The template code a blank notice (空白通知) keeps: it came from no template. */
    public static final String BLANK_CODE = "blank";

    /**
     * A notice with nothing in it but the defaults every notice has (reminders 3 and 1 working days before, an overdue
     * mail, a daily digest): no title, body, units, items, deadline or table — the drafter writes it in the form.
     */
    public static CampaignTemplate blank() {
        return new CampaignTemplate(BLANK_CODE, "", null, "", "", new Contact("", "", ""), "", List.of(),
                new UnitSelector(null, null, null, null), null, List.of(), new AttachmentRules(false, 0, null), List.of(), false,
                Reminders.DEFAULT, null, List.of(), null, null, null);
    }

    /** Whether the notice is a periodic return, reported period after period. */
    public boolean runsInPeriods() {
        return periodic != null;
    }

    /** Whether the notice has a statistics table at all (a list of indicators, or a table with columns). */
    public boolean hasTable() {
        return table != null || !tables.isEmpty() || !indicators.isEmpty();
    }

    /** Whether reports go through intermediate units. */
    public boolean rollsUp() {
        return rollup != null;
    }

    /** The same template with another 文号 (a copy of an earlier notice gets its own). */
    public CampaignTemplate withDocumentNumber(String number) {
        return withNotice(title, number, noticeText);
    }

    /** The same template run by another office (承办科室): the office whose drafter started the notice. */
    public CampaignTemplate withSection(String office) {
        return new CampaignTemplate(code, title, documentNumber, issuer, office, contact, noticeText, items, targets, deadline, indicators,
                attachments, dutyRoster, unitHeadApproval, reminders, tableTitle, rules, rollup, table, periodic, zeroReport, tables);
    }

    /** The same template with the drafter's title, 文号 and body. */
    public CampaignTemplate withNotice(String newTitle, String number, String text) {
        return new CampaignTemplate(code, newTitle, number, issuer, section, contact, text, items, targets, deadline, indicators,
                attachments, dutyRoster, unitHeadApproval, reminders, tableTitle, rules, rollup, table, periodic, zeroReport, tables);
    }

    /** The same template under another code (a campaign's own, or a template saved for next year). */
    public CampaignTemplate withCode(String newCode) {
        return new CampaignTemplate(newCode, title, documentNumber, issuer, section, contact, noticeText, items, targets, deadline,
                indicators, attachments, dutyRoster, unitHeadApproval, reminders, tableTitle, rules, rollup, table, periodic, zeroReport, tables);
    }

    /**
     * A rule across the figures, e.g. {@code check: "[6] <= [5]"} (disputes resolved no more than
     * complaints received), optionally only {@code when: "[7] > 0"}. {@code [code]} is an indicator, a
     * plain number a constant. A breach is a warning the unit explains in its note, or with
     * {@code hard: true} a stop.
     */
    public record Rule(String when, String check, String message, boolean hard) {}

    /**
     * Reminders to units that have not submitted, {@code workingDaysBefore} the due date (the last one
     * also to the unit head); an overdue mail the morning after; a daily digest of missing units to the
     * section while any are missing.
     */
    public record Reminders(List<Integer> workingDaysBefore, Boolean overdueMail, Boolean dailyDigest) {
        public static final Reminders DEFAULT = new Reminders(List.of(3, 1), true, true);

        public Reminders {
            workingDaysBefore = workingDaysBefore == null ? List.of(3, 1) : List.copyOf(workingDaysBefore);
        }

        public boolean sendsOverdueMail() {
            return !Boolean.FALSE.equals(overdueMail);
        }

        public boolean sendsDailyDigest() {
            return !Boolean.FALSE.equals(dailyDigest);
        }
    }

    /** The office that runs the notice, as mail names it (the digest's greeting, who returned a report): 综合监督科 when none is given. */
    @JsonIgnore
    public String sectionName() {
        return section == null || section.isBlank() ? "综合监督科" : section;
    }

    /** The statistics table's own title (附件标题), as the exports print it. */
    public String statisticsTitle() {
        return tableTitle != null && !tableTitle.isBlank() ? tableTitle : title.replaceFirst("^关于印发", "").replaceFirst("的通知$", "") + "统计表";
    }

    public record Contact(@Size(max = MAX_CONTACT, message = Says.TOO_LONG) String person,
                          @Size(max = MAX_CONTACT, message = Says.TOO_LONG) String phone,
                          @Size(max = MAX_MAILBOX, message = Says.TOO_LONG)
                          @Pattern(regexp = "\\s*|[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+", message = "不是有效的邮箱地址") String mailbox) {}

    /** One activity item of the plan; {@code appliesTo} null means every target unit. */
    public record ActivityItem(
            String code,
            @Size(max = MAX_NAME, message = Says.TOO_LONG) String group,
            @NotBlank(message = Says.REQUIRED) @Size(max = MAX_TITLE, message = Says.TOO_LONG) String title,
            @Size(max = MAX_ITEM_TEXT, message = Says.TOO_LONG) String text,
            @Size(max = MAX_DATES, message = Says.TOO_LONG) String dates,
            UnitSelector appliesTo,
            UnitSelector lead,
            UnitSelector cooperating) {

        public boolean hasCooperation() {
            return lead != null && cooperating != null;
        }
    }

    /**
     * Which units: all, units of some types, named units, or the units under named parents in the registry's
     * hierarchy ({@code childrenOf: [jkzx]}: the CDC's township centres); any combination adds up.
     */
    public record UnitSelector(Boolean all, List<String> types, List<String> units, List<String> childrenOf) {
        public UnitSelector {
            types = types == null ? List.of() : List.copyOf(types);
            units = units == null ? List.of() : List.copyOf(units);
            childrenOf = childrenOf == null ? List.of() : List.copyOf(childrenOf);
        }

        public boolean selectsAll() {
            return Boolean.TRUE.equals(all);
        }

        /** Whether this selector picks the unit (by its type, its code, or its parent). */
        public boolean picks(cn.duban.unit.Unit u) {
            return selectsAll() || types.contains(u.type()) || units.contains(u.code())
                    || (u.parentCode() != null && childrenOf.contains(u.parentCode()));
        }

        /** The codes of the active units of the registry this selector picks, sorted. */
        public java.util.Set<String> activeCodes(cn.duban.unit.Units registry) {
            java.util.Set<String> codes = new java.util.TreeSet<>(registry.activeCodes(selectsAll(), types, units));
            childrenOf.forEach(parent -> registry.children(parent).forEach(u -> codes.add(u.code())));
            return codes;
        }

        /** The names of the active units this selector picks, in the order of their codes (a code the registry lacks stands as itself). */
        public List<String> activeNames(cn.duban.unit.Units registry) {
            List<String> codes = List.copyOf(activeCodes(registry));
            java.util.Map<String, cn.duban.unit.Unit> rows = registry.findAll(codes);
            return codes.stream().map(c -> rows.containsKey(c) ? rows.get(c).name() : c).toList();
        }

        /** Whether a selector picks the unit; no selector means "every target unit". */
        public static boolean picks(UnitSelector selector, cn.duban.unit.Unit u) {
            return selector == null || selector.picks(u);
        }

        @JsonIgnore
        public boolean isEmpty() {
            return !selectsAll() && types.isEmpty() && units.isEmpty() && childrenOf.isEmpty();
        }
    }

    /** A fixed date, or a number of days after the notice is issued. */
    public record Deadline(LocalDate date, @Range(min = 1, max = 366, message = Says.RANGE) Integer daysAfterIssue, boolean moveToWorkingDay) {}

    public enum IndicatorType { INTEGER, DECIMAL }

    /**
     * One row of the statistics table. {@code sumOf} makes it a computed subtotal of other rows,
     * which the unit does not type.
     */
    public record Indicator(
            String code,
            @NotBlank(message = Says.REQUIRED) @Size(max = MAX_NAME, message = Says.TOO_LONG) String name,
            @NotBlank(message = Says.REQUIRED) @Size(max = MAX_UNIT_OF_MEASURE, message = Says.TOO_LONG) String unit,
            @NotNull(message = "必填（integer 或 decimal）") IndicatorType type,
            @Range(min = 0, max = 4, message = Says.RANGE) Integer scale, Boolean required,
            List<String> sumOf) {

        public Indicator {
            sumOf = sumOf == null ? List.of() : List.copyOf(sumOf);
        }

        @JsonIgnore
        public boolean isSubtotal() {
            return !sumOf.isEmpty();
        }

        public boolean needsValue() {
            return !Boolean.FALSE.equals(required) && !isSubtotal();
        }

        /** Digits after the decimal point: 0 for integers, the template's scale (default 2) for decimals. */
        public int effectiveScale() {
            return type == IndicatorType.INTEGER ? 0 : scale == null ? 2 : scale;
        }
    }

    /**
     * What a unit must attach. Either the kinds the template names ({@code kinds}: each with its label, accepted
     * file types, count and size), or — the older form, and the default — a summary document
     * ({@code summaryRequired}) and at least {@code minPhotos} photos.
     */
    public record AttachmentRules(boolean summaryRequired, @Range(min = 0, max = 50, message = Says.RANGE) int minPhotos, Integer maxPhotos,
                                  List<@Valid AttachmentKind> kinds) {
        public AttachmentRules {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
        }

        public AttachmentRules(boolean summaryRequired, int minPhotos, Integer maxPhotos) {
            this(summaryRequired, minPhotos, maxPhotos, List.of());
        }

        /** The kinds a unit attaches: those the template names, or the summary document and the photos. */
        public List<AttachmentKind> effectiveKinds() {
            if (!kinds.isEmpty()) {
                return kinds;
            }
            return List.of(new AttachmentKind(AttachmentKind.SUMMARY, "总结文档", List.of("document"), summaryRequired ? 1 : 0, null, null),
                    new AttachmentKind(AttachmentKind.PHOTO, "活动图片", List.of("image"), minPhotos, maxPhotos, null));
        }
    }

    /**
     * One kind of attachment a notice asks for: {@code code} (what the files are filed under), {@code label}
     * (活动视频), {@code accept} (any of {@link #CATEGORIES}), {@code min} and {@code max} files, {@code maxSizeMb}
     * per file (never above duban's own upload limit).
     */
    public record AttachmentKind(String code,
                                 @NotBlank(message = Says.REQUIRED) @Size(max = MAX_UNIT_OF_MEASURE * 2, message = Says.TOO_LONG) String label,
                                 List<String> accept, @Range(min = 0, max = 100, message = Says.RANGE) Integer min, Integer max,
                                 @Range(min = 1, max = 2048, message = Says.RANGE) Integer maxSizeMb, String tier) {
        public static final String SUMMARY = "SUMMARY";
        public static final String PHOTO = "PHOTO";
        /** The file types a kind may accept. */
        public static final List<String> CATEGORIES = List.of("document", "image", "audio", "video", "spreadsheet", "archive");

        public AttachmentKind {
            accept = accept == null ? List.of() : List.copyOf(accept);
        }

        public AttachmentKind(String code, String label, List<String> accept, Integer min, Integer max, Integer maxSizeMb) {
            this(code, label, accept, min, max, maxSizeMb, null);
        }

        /** Whether a unit attaches files of this kind (a two-level roll-up's kind may be one tier's, as a table). */
        public boolean filledBy(boolean member) {
            return tier == null || (member ? Tier.MEMBERS : Tier.DIRECT).equals(tier);
        }

        public int minCount() {
            return min == null ? 0 : min;
        }
    }

    /**
     * A statistics table with columns of several types (numbers, text such as a remark, dates, a choice from a list,
     * computed subtotals) and rows that are fixed, one per sub-unit of the reporting unit in the registry, or added
     * by the unit (one per activity held); the total row is computed, never typed. {@code rowHeading} names the
     * row column (乡镇, 活动). With a table the template has no {@code indicators}; its {@code rules} name columns
     * and hold on every row.
     */
    public record StatTable(String code, String title, @Size(max = MAX_UNIT_OF_MEASURE, message = Says.TOO_LONG) String rowHeading,
                            @Size(max = MAX_COLUMNS, message = Says.TOO_MANY) List<@Valid Column> columns, @Valid Rows rows, Boolean totalRow,
                            String totalLabel, @Size(max = MAX_ROWS, message = Says.TOO_MANY) List<Rule> rules, String tier, String carry) {
        public StatTable {
            columns = columns == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(columns));
            rules = rules == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rules));
        }

        public StatTable(String code, String title, String rowHeading, List<Column> columns, Rows rows, Boolean totalRow,
                         String totalLabel, List<Rule> rules) {
            this(code, title, rowHeading, columns, rows, totalRow, totalLabel, rules, null, null);
        }

        /**
         * Whether a unit fills this table: in a two-level roll-up a table may be the members' ({@code tier: members},
         * 下级单位填报) or the units' that report to the bureau ({@code tier: direct}, 汇总单位及直报单位); without a tier
         * every unit fills it.
         */
        public boolean filledBy(boolean member) {
            return tier == null || (member ? Tier.MEMBERS : Tier.DIRECT).equals(tier);
        }

        /**
         * Whether its rows are the reporting unit's members in this notice, each carrying that member's approved totals
         * of the members' table {@code carry} in the columns of the same code (the intermediate's table built from its
         * members' reports, not typed again).
         */
        @JsonIgnore
        public boolean carriesMembers() {
            return carry != null;
        }

        /** The columns that carry the members' totals of {@code source}: number columns of the same code, not computed. */
        public List<Column> carriedColumns(StatTable source) {
            if (source == null) {
                return List.of();
            }
            return numericColumns().stream().filter(c -> !c.isComputed())
                    .filter(c -> source.numericColumns().stream().anyMatch(x -> x.code().equals(c.code()))).toList();
        }

        public StatTable(String rowHeading, List<Column> columns, Rows rows, Boolean totalRow, String totalLabel) {
            this(null, null, rowHeading, columns, rows, totalRow, totalLabel, null);
        }

        public StatTable(String rowHeading, List<Column> columns, Rows rows, Boolean totalRow) {
            this(rowHeading, columns, rows, totalRow, null);
        }

        /**
         * What the table's cells are named with among a unit's values: nothing for a notice's one table
         * ({@code 3.funds}), its code and a colon for one of several ({@code hazards:3.funds}).
         */
        @JsonIgnore
        public String cellPrefix() {
            return code == null ? "" : code + ":";
        }

        /** Whether a computed 合计 row closes the table (default: yes). */
        public boolean showsTotal() {
            return !Boolean.FALSE.equals(totalRow);
        }

        /** The total row's name as the form prints it: 合计, or the template's own (市州合计). */
        public String totalName() {
            return totalLabel == null || totalLabel.isBlank() ? "合计" : totalLabel.strip();
        }

        /**
         * The heading of the row column: the template's, or 单位 for rows per sub-unit, 序号 for rows the unit adds (the
         * rows numbered 1, 2, … as a real form numbers them — no column of its own beside the form's), 项目 for fixed rows.
         */
        public String heading() {
            return rowHeading != null && !rowHeading.isBlank() ? rowHeading
                    : rows != null && Boolean.TRUE.equals(rows.subUnits()) ? "单位" : rows != null && rows.added() != null ? "序号" : "项目";
        }

        @JsonIgnore
        public boolean rowsPerSubUnit() {
            return rows != null && Boolean.TRUE.equals(rows.subUnits());
        }

        /** With a row per sub-unit: whether the unit's own row (本级) comes first. */
        @JsonIgnore
        public boolean hasOwnRow() {
            return rowsPerSubUnit() && Boolean.TRUE.equals(rows.ownRow());
        }

        @JsonIgnore
        public boolean rowsAdded() {
            return rows != null && rows.added() != null;
        }

        @JsonIgnore
        public List<Row> fixedRows() {
            return rows == null ? List.of() : rows.fixed();
        }

        public Column column(String code) {
            return columns.stream().filter(c -> c != null && code.equals(c.code())).findFirst().orElse(null);
        }

        /** The columns holding numbers (typed or computed): those a total row and the county summary add up. */
        @JsonIgnore
        public List<Column> numericColumns() {
            return columns.stream().filter(Column::isNumeric).toList();
        }
    }

    public enum ColumnType { INTEGER, DECIMAL, TEXT, DATE, CHOICE }

    /**
     * One column: {@code type} integer, decimal (with {@code scale}), text ({@code maxLength}, a remark column; a
     * {@code pattern} it must follow, shown to the unit as its {@code example}: 地上3层，地下1层), date or choice
     * ({@code options}); {@code unit} of measure; {@code required} (default: numbers yes, others no); {@code sumOf}
     * makes it a computed subtotal of other numeric columns of the same row.
     */
    public record Column(String code, @NotBlank(message = Says.REQUIRED) @Size(max = MAX_NAME, message = Says.TOO_LONG) String name,
                         @Size(max = MAX_UNIT_OF_MEASURE, message = Says.TOO_LONG) String unit, ColumnType type, Integer scale, Boolean required,
                         List<String> options, List<String> sumOf, Integer maxLength, String pattern, String example, String from) {
        public Column {
            options = options == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(options));
            sumOf = sumOf == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sumOf));
        }

        public Column(String code, String name, String unit, ColumnType type, Integer scale, Boolean required,
                      List<String> options, List<String> sumOf, Integer maxLength, String pattern, String example) {
            this(code, name, unit, type, scale, required, options, sumOf, maxLength, pattern, example, null);
        }

        /** The table a choice column takes its values from ({@code from: buildings.name}), or null. */
        @JsonIgnore
        public String fromTable() {
            return from == null || from.indexOf('.') < 0 ? null : from.substring(0, from.indexOf('.'));
        }

        /** The column of that table whose values the unit chooses among, or null. */
        @JsonIgnore
        public String fromColumn() {
            return from == null || from.indexOf('.') < 0 ? null : from.substring(from.indexOf('.') + 1);
        }

        public Column(String code, String name, String unit, ColumnType type, Integer scale, Boolean required,
                      List<String> options, List<String> sumOf, Integer maxLength) {
            this(code, name, unit, type, scale, required, options, sumOf, maxLength, null, null);
        }

        @JsonIgnore
        public boolean isComputed() {
            return !sumOf.isEmpty();
        }

        @JsonIgnore
        public boolean isNumeric() {
            return isComputed() || type == ColumnType.INTEGER || type == ColumnType.DECIMAL;
        }

        public boolean needsValue() {
            return !isComputed() && (required != null ? required : isNumeric());
        }

        public int effectiveScale() {
            // a computed column's decimals are those of the columns it adds (report.TableFigures.scale)
            return type == ColumnType.DECIMAL ? scale == null ? 2 : scale : 0;
        }

        public int textLimit() {
            return maxLength == null ? 500 : maxLength;
        }
    }

    /**
     * Which rows a unit fills: {@code fixed} (code and name each, as a classic 统计表), {@code subUnits: true} (one row
     * per active unit under the reporting unit in the registry; with {@code ownRow: true} the unit's own row first,
     * 本级 — a hospital, a directly affiliated unit or a city without counties reports its own figures), or
     * {@code added} (rows the unit adds, between {@code min} and {@code max}).
     */
    public record Rows(@Size(max = MAX_ROWS, message = Says.TOO_MANY) List<@Valid Row> fixed, Boolean subUnits, Added added, Boolean ownRow) {
        public Rows {
            fixed = fixed == null ? List.of() : List.copyOf(fixed);
        }

        public Rows(List<Row> fixed, Boolean subUnits, Added added) {
            this(fixed, subUnits, added, null);
        }
    }

    public record Row(String code, @NotBlank(message = Says.REQUIRED) @Size(max = MAX_NAME, message = Says.TOO_LONG) String name) {}

    public record Added(Integer min, Integer max) {
        public int minRows() {
            return min == null ? 0 : min;
        }

        public int maxRows() {
            return max == null ? 200 : max;
        }
    }

    /** A line of the duty roster (值班值守), as in seed 001. */
    public record DutyEntry(@Size(max = MAX_DATES, message = Says.TOO_LONG) String period,
                            @NotBlank(message = Says.REQUIRED) @Size(max = TemplateParser.MAX_DUTY, message = Says.TOO_LONG) String duty,
                            UnitSelector lead, UnitSelector cooperating) {}
}
