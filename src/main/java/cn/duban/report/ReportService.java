package cn.duban.report;

import cn.duban.support.Dates;
import cn.duban.support.Decisions;
import cn.duban.support.Refusal;
import cn.duban.support.Texts;
import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.CampaignTemplate.Column;
import cn.duban.campaign.CampaignTemplate.StatTable;
import cn.duban.campaign.FigureRules;
import cn.duban.identity.Roles;
import cn.duban.mail.Notifications;
import cn.duban.campaign.CampaignTemplate.UnitSelector;
import cn.duban.unit.Unit;
import cn.duban.unit.Units;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's report from signing for the notice to the supervision's approval. Each hand-in is a new
 * version; a return keeps the returned version and sets a new due date.
 */
@Service
@Transactional
public class ReportService {

    public static final int MAX_SUMMARY = ReportChecks.MAX_SUMMARY;

    private final ReportRepository reports;
    private final CampaignService campaigns;
    private final IdentityService identityService;
    private final Units units;
    private final Notifications notifications;
    private final Clock clock;
    private final Rollups rollups;

    public ReportService(ReportRepository reports, CampaignService campaigns, IdentityService identityService,
                         Units units, Notifications notifications, Clock clock, Rollups rollups) {
        this.rollups = rollups;
        this.reports = reports;
        this.campaigns = campaigns;
        this.identityService = identityService;
        this.units = units;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The items that concern a unit with its role and who leads and cooperates, by name, and the duty roster. */
    @Transactional(readOnly = true)
    public Map<String, Object> partOf(Campaign campaign, String unitCode) {
        Unit unit = units.find(unitCode).orElseThrow(() -> new ReportException("单位 " + unitCode + " 未登记"));
        // a notice names the same lead and cooperating units item after item: each selector is read once
        Map<UnitSelector, List<String>> read = new java.util.HashMap<>();
        java.util.function.Function<UnitSelector, List<String>> names = s -> read.computeIfAbsent(s, sel -> sel.activeNames(units));
        return Map.of("items", UnitItems.items(campaign.template().items(), unit, names),
                "dutyRoster", UnitItems.roster(campaign.template().dutyRoster(), unit, names));
    }

    /** The notice's 签收 task now waits in the unit's Tasklist: the unit's mailbox is told, with a link to it. */
    public void noticeArrived(String campaignId, String unitCode, String taskId) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> new ReportException("活动 " + campaignId + " 不存在"));
        UnitReport u = unit(campaignId, unitCode);
        units.find(unitCode).ifPresent(unit -> notifications.noticeIssued(c, unit, u.dueDate(), taskId));
    }

    /** 签收: the unit acknowledges the notice and names the person who will report. */
    public void sign(String campaignId, String unitCode, String reporter, String actor) {
        openCampaign(campaignId);
        UnitReport u = lockedUnit(campaignId, unitCode);
        if (u.status() != UnitStatus.NOT_SIGNED) {
            throw new ReportException("本单位已签收该通知");
        }
        if (reporter == null || reporter.isBlank()) {
            throw new ReportException("请指定负责信息报送的专人", Map.of("reporter", "必填"));
        }
        if (identityService.createUserQuery().userId(reporter).memberOfGroup(Roles.unitGroup(unitCode)).count() == 0) {
            throw new ReportException("所选专人不是本单位人员", Map.of("reporter", "不是本单位人员"));
        }
        reports.markSigned(campaignId, unitCode, reporter, LocalDateTime.now(clock));
    }

    /**
     * Hands in a new version of the report. With unit-head approval it waits for the head; without,
     * it is submitted to the supervision section at once.
     */
    public ReportVersion handIn(String campaignId, String unitCode, ReportPayload payload, String actor) {
        Campaign c = openCampaign(campaignId);
        UnitReport u = lockedUnit(campaignId, unitCode);
        if (!(u.status() == UnitStatus.IN_PROGRESS || u.status() == UnitStatus.RETURNED)) {
            throw new ReportException("当前状态为“" + u.status().label() + "”，不能再次报送");
        }
        CampaignTemplate.Part part = part(c, unitCode);
        TableSet.Carried carry = carry(c, unitCode, part);
        payload = withCarried(payload, carry);
        ReportChecks.Result checked = ReportChecks.check(c.template(), part, payload, carried(campaignId, u, payload),
                subUnits(c, unitCode), carry.missing());
        if (!checked.passes()) {
            throw ReportException.of(checked.problems(), checked.fieldErrors());
        }
        List<AttachmentInfo> kept = keptFromPrevious(campaignId, u, payload);
        String summary = checked.summary();
        String note = checked.note();
        int version = u.currentVersion() + 1;
        LocalDateTime now = LocalDateTime.now(clock);
        boolean viaHead = needsHeadApproval(c, unitCode);
        ReportStatus status = viaHead ? ReportStatus.HEAD_REVIEW : ReportStatus.SUBMITTED;
        long id = reports.insertReport(campaignId, unitCode, version, status, summary, note, actor, now, payload.isZero());
        reports.markZero(campaignId, unitCode, payload.isZero());
        reports.insertValues(id, checked.figures());
        reports.insertTexts(id, checked.texts());
        reports.bindStaged(campaignId, unitCode, id);
        kept.forEach(a -> reports.copyAttachment(a.id(), id));
        reports.deleteDraft(campaignId, unitCode);
        reports.markVersion(campaignId, unitCode, version, viaHead ? UnitStatus.HEAD_REVIEW : UnitStatus.SUBMITTED);
        if (!viaHead) {
            reports.markSubmitted(campaignId, unitCode, now);
        }
        return reports.findVersion(campaignId, unitCode, version).orElseThrow();
    }

    /**
     * A unit that missed a period of a periodic return that carries over: its approved figures of the period
     * {@code fromCampaignId} become a version of this one, marked carried over (in its record, every view and export);
     * the unit stays 未报送. False when it reported, or has nothing to carry.
     */
    public boolean carryOver(String campaignId, String unitCode, String fromCampaignId) {
        UnitReport u = lockedUnit(campaignId, unitCode);
        if (u.status() != UnitStatus.CLOSED) {
            return false;
        }
        ReportVersion from = reports.versions(fromCampaignId, unitCode).stream()
                .filter(v -> v.status() == ReportStatus.APPROVED).findFirst().orElse(null);
        if (from == null) {
            return false;
        }
        int version = u.currentVersion() + 1;
        // nobody handed it in: duban did, as it does its other own acts ("system"), so no person's 已办 lists it
        long id = reports.insertReport(campaignId, unitCode, version, ReportStatus.APPROVED,
                "本期未报送，按通知结转上期数据。", null, "system", LocalDateTime.now(clock));
        reports.insertValues(id, from.values());
        reports.insertTexts(id, from.texts());
        reports.markCarried(id, campaignId, unitCode, version, fromCampaignId);
        return true;
    }

    /**
     * Whether the unit's report goes to its head before it leaves the unit: the notice asks for it and the unit has a
     * head in the registry (the step is the head's alone; a unit without one hands in directly).
     */
    public boolean needsHeadApproval(Campaign c, String unitCode) {
        return c.template().unitHeadApproval() && units.headUserOf(unitCode) != null;
    }

    /** The unit head passes the report on to the supervision section, or sends it back to the reporter. */
    public void headDecision(String campaignId, String unitCode, Boolean approved, String comment, String actor) {
        openCampaign(campaignId);
        UnitReport u = lockedUnit(campaignId, unitCode);
        if (u.status() != UnitStatus.HEAD_REVIEW) {
            throw new ReportException("当前状态为“" + u.status().label() + "”，无需负责人审批");
        }
        Decisions.check(approved, comment, null, Decisions.Return.REASON, LocalDate.now(clock)).orRefuse();
        String reason = Texts.optional(comment);
        ReportVersion v = reports.findVersion(campaignId, unitCode, u.currentVersion()).orElseThrow();
        LocalDateTime now = LocalDateTime.now(clock);
        if (approved) {
            reports.updateReportStatus(v.id(), ReportStatus.SUBMITTED);
            reports.markSubmitted(campaignId, unitCode, now);
        } else {
            reports.review(v.id(), ReportStatus.HEAD_RETURNED, actor, now, reason, null);
            reports.updateUnitStatus(campaignId, unitCode, UnitStatus.IN_PROGRESS);
        }
    }

    /**
     * The supervision review: approve, or return with a reason and a new due date (not before today).
     * Returns true when this approval was the campaign's last one.
     */
    public boolean review(String campaignId, String unitCode, Boolean approved, String comment, LocalDate newDueDate, String actor) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> new ReportException("活动 " + campaignId + " 不存在"));
        if (c.status() != CampaignStatus.ISSUED && c.status() != CampaignStatus.CLOSED) {
            throw new ReportException("活动当前状态为“" + c.status().label() + "”，不能审核");
        }
        UnitReport u = lockedUnit(campaignId, unitCode);
        if (u.status() != UnitStatus.SUBMITTED) {
            throw new ReportException("当前状态为“" + u.status().label() + "”，没有待审核的报送");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Decisions.check(approved, comment, newDueDate, reviewReturn(c), now.toLocalDate()).orRefuse();
        String reason = Texts.optional(comment);
        ReportVersion v = reports.findVersion(campaignId, unitCode, u.currentVersion()).orElseThrow();
        if (approved) {
            reports.review(v.id(), ReportStatus.APPROVED, actor, now, reason, null);
            reports.markApproved(campaignId, unitCode, now);
            return reports.countNotApproved(campaignId) == 0;
        }
        reports.review(v.id(), ReportStatus.RETURNED, actor, now, reason, newDueDate);
        reports.markReturned(campaignId, unitCode, newDueDate);
        // who returned it, by name: in a roll-up the unit the report goes through, else the notice's section
        String through = c.template().rollsUp() ? reports.reportsTo(campaignId, unitCode) : null;
        String returnedBy = through == null ? c.template().sectionName()
                : units.find(through).map(cn.duban.unit.Unit::name).orElse(c.template().sectionName());
        units.find(unitCode).ifPresent(unit -> notifications.reportReturned(c, unit, returnedBy, u.reporterUser(), reason, newDueDate));
        return false;
    }

    public UnitReport unit(String campaignId, String unitCode) {
        return reports.findUnit(campaignId, unitCode)
                .orElseThrow(() -> new ReportException("单位 " + unitCode + " 不在活动 " + campaignId + " 的下发范围内"));
    }

    /** The unit's row in the campaign, locked until the transaction ends: one change to a unit's work at a time. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UnitReport lockUnit(String campaignId, String unitCode) {
        return reports.lockUnit(campaignId, unitCode)
                .orElseThrow(() -> new ReportException("单位 " + unitCode + " 不在活动 " + campaignId + " 的下发范围内"));
    }

    public List<UnitReport> units(String campaignId) {
        return reports.units(campaignId);
    }

    /** The units that still owe their report (not signed, in progress or returned). */
    public List<UnitReport> owing(String campaignId) {
        return reports.owing(campaignId);
    }

    /**
     * A member of a roll-up as its intermediate unit and the section see it: status, due date, its latest hand-in's
     * figures, and once approved the files it handed in (carried up with the intermediate's report, never downloaded
     * and uploaded again).
     */
    public record MemberLine(String unitCode, String unitName, String status, String statusLabel, String dueDate, boolean overdue,
                             Map<String, java.math.BigDecimal> values, List<AttachmentInfo> files) {}

    /** The members of an intermediate unit, and the sums of their approved figures (what it rolls up). */
    public record MemberLines(List<MemberLine> lines, Map<String, java.math.BigDecimal> approvedTotals, int approved) {}

    @Transactional(readOnly = true)
    public MemberLines memberLines(Campaign c, List<String> memberCodes) {
        List<MemberLine> lines = new ArrayList<>();
        Map<String, java.math.BigDecimal> totals = new java.util.LinkedHashMap<>();
        int approved = 0;
        Map<String, Unit> rows = units.findAll(memberCodes);
        for (String code : memberCodes) {
            UnitReport u = unit(c.id(), code);
            List<ReportVersion> vs = reports.versions(c.id(), code);
            Map<String, java.math.BigDecimal> values = vs.isEmpty() ? Map.of() : vs.get(0).values();
            if (u.status() == UnitStatus.APPROVED) {
                approved++;
                values.forEach((k, v) -> totals.merge(k, v, java.math.BigDecimal::add));
            }
            lines.add(new MemberLine(code, rows.containsKey(code) ? rows.get(code).name() : code, u.status().name(), u.status().label(),
                    u.dueDate() == null ? "" : u.dueDate().toString(), isOverdue(u), values,
                    u.status() == UnitStatus.APPROVED && !vs.isEmpty() ? vs.get(0).attachments() : List.of()));
        }
        return new MemberLines(lines, totals, approved);
    }

    public List<ReportVersion> versions(String campaignId, String unitCode) {
        return reports.versions(campaignId, unitCode);
    }

    /**
     * What this unit fills of the notice: in a two-level roll-up, a member its tier's tables and kinds of attachment,
     * an intermediate (or a unit reporting to the bureau directly) the others'; without one, everything.
     */
    @Transactional(readOnly = true)
    public CampaignTemplate.Part part(Campaign c, String unitCode) {
        return rollups.part(c, unitCode);
    }

    /**
     * The cells of an intermediate's tables built from its members' reports ({@code carry}): each member's approved
     * totals, read now; nothing for a unit without such a table.
     */
    @Transactional(readOnly = true)
    public TableSet.Carried carry(Campaign c, String unitCode, CampaignTemplate.Part part) {
        List<StatTable> carrying = part.tables().stream().filter(StatTable::carriesMembers).toList();
        if (carrying.isEmpty()) {
            return TableSet.Carried.NONE;
        }
        List<String> members = rollups.membersOf(c, unitCode);
        Map<String, Map<String, java.math.BigDecimal>> approved = new java.util.HashMap<>();
        for (String m : members) {
            UnitReport u = unit(c.id(), m);
            if (u.status() == UnitStatus.APPROVED) {
                reports.findVersion(c.id(), m, u.currentVersion()).ifPresent(v -> approved.put(m, v.values()));
            }
        }
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        Set<String> missing = new java.util.LinkedHashSet<>();
        for (StatTable table : carrying) {
            var carried = TableSet.carry(table, c.template().tableByCode(table.carry()), memberLines(members), approved);
            cells.putAll(carried.cells());
            missing.addAll(carried.missing());
        }
        return new TableSet.Carried(cells, List.copyOf(missing));
    }

    /** The payload with the carried cells as the members' approved figures say, whatever the form sent in them. */
    static ReportPayload withCarried(ReportPayload payload, TableSet.Carried carry) {
        if (carry.cells().isEmpty()) {
            return payload;
        }
        Map<String, String> values = new java.util.LinkedHashMap<>(payload.values());
        values.putAll(carry.cells());
        return new ReportPayload(values, payload.summary(), payload.note(), payload.keepAttachments(), payload.zeroReport());
    }

    private List<TableFigures.Line> memberLines(List<String> members) {
        Map<String, Unit> found = units.findAll(members);
        return members.stream().map(m -> new TableFigures.Line(m, found.containsKey(m) ? found.get(m).name() : m)).toList();
    }

    /**
     * The rows of a unit's table that come from the registry: with a row per sub-unit, the unit's active sub-units
     * (for a table built from the members' reports, its members in this notice); otherwise none (fixed rows are the
     * template's, added rows the unit's own). For one table of the notice.
     */
    @Transactional(readOnly = true)
    public List<TableFigures.Line> subUnitLines(Campaign c, StatTable table, String unitCode) {
        if (table == null || !table.rowsPerSubUnit()) {
            return List.of();
        }
        List<TableFigures.Line> lines = new ArrayList<>();
        if (table.hasOwnRow()) {
            units.find(unitCode).ifPresent(self -> lines.add(ownLine(self)));
        }
        rowUnits(c, table, unitCode).stream().filter(Unit::active)
                // a table built from the members' reports has a row for each member approved (the others are said apart)
                .filter(u -> !table.carriesMembers() || unit(c.id(), u.code()).status() == UnitStatus.APPROVED)
                .map(u -> new TableFigures.Line(u.code(), u.name())).forEach(lines::add);
        return lines;
    }

    /** Each table's registry rows for a unit, read once per table asked ({@link TableSet#check}). */
    public java.util.function.Function<StatTable, List<TableFigures.Line>> subUnits(Campaign c, String unitCode) {
        Map<StatTable, List<TableFigures.Line>> read = new java.util.IdentityHashMap<>();
        return table -> read.computeIfAbsent(table, x -> subUnitLines(c, x, unitCode));
    }

    /** The units a table's rows per sub-unit name for a unit: its members in this notice where the table carries them, else its sub-units in the registry. */
    private List<Unit> rowUnits(Campaign c, StatTable table, String unitCode) {
        if (!table.rowsPerSubUnit()) {
            return List.of();
        }
        if (table.carriesMembers()) {
            List<String> members = rollups.membersOf(c, unitCode);
            Map<String, Unit> found = units.findAll(members);
            return members.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
        }
        return units.allChildren(unitCode);
    }

    /** The unit's own row of a table with a row per sub-unit (本级): keyed by its own code, named after it. */
    static TableFigures.Line ownLine(Unit self) {
        return new TableFigures.Line(self.code(), self.name() + "（本级）");
    }

    /**
     * A unit's blank table as its forms draw it: the row heading, the columns, the unit's rows (fixed, or its
     * sub-units), how many rows it may add, whether a total row closes it; null without a table with columns. The
     * first table the unit fills; {@link #sheets} gives each.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> sheet(Campaign c, String unitCode) {
        List<Map<String, Object>> all = sheets(c, unitCode);
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * Each table the unit fills of the notice as its form draws it, in the order of the notice's attachments: as
     * {@link #sheet}, with its code, its title (附件2 隐患排查整治台账), what its cells are named with among the unit's
     * values, for a column that takes its values from another table that table's code and column, and for a table
     * built from the members' reports the cells carried (read only) and the members not approved yet.
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> sheets(Campaign c, String unitCode) {
        CampaignTemplate t = c.template();
        CampaignTemplate.Part part = part(c, unitCode);
        TableSet.Carried carry = carry(c, unitCode, part);
        List<Map<String, Object>> out = new ArrayList<>();
        for (StatTable table : part.tables()) {
            Map<String, Object> sheet = new java.util.LinkedHashMap<>();
            sheet.put("code", table.code());
            sheet.put("title", t.titleOf(table));
            sheet.put("attachment", t.severalTables() ? "附件" + t.attachmentNo(table) : null);
            sheet.put("prefix", table.cellPrefix());
            sheet.put("heading", table.heading());
            sheet.put("columns", TableGrid.GridColumn.of(table));
            sheet.put("from", table.columns().stream().filter(x -> x.from() != null)
                    .collect(java.util.stream.Collectors.toMap(Column::code, x -> Map.of("table", x.fromTable(), "column", x.fromColumn()))));
            // its registry rows (or, built from the members' reports, its approved members), read once
            List<TableFigures.Line> rows = subUnitLines(c, table, unitCode);
            sheet.put("lines", table.rowsAdded() ? List.of() : TableFigures.lines(table, rows, Set.of()));
            sheet.put("added", table.rowsAdded() ? Map.of("min", table.rows().added().minRows(), "max", table.rows().added().maxRows()) : null);
            sheet.put("total", table.showsTotal());
            sheet.put("totalName", table.totalName());
            if (table.carriesMembers()) {
                String prefix = table.cellPrefix();
                Map<String, String> cells = new java.util.LinkedHashMap<>();
                carry.cells().forEach((k, v) -> {
                    if (k.startsWith(prefix)) {
                        cells.put(k, v);
                    }
                });
                sheet.put("carried", cells);
                sheet.put("carriedColumns", table.carriedColumns(t.tableByCode(table.carry())).stream().map(Column::code).toList());
                sheet.put("carriedFrom", "附件" + t.attachmentNo(t.tableByCode(table.carry())) + "“" + t.titleOf(t.tableByCode(table.carry())) + "”");
                sheet.put("missingMembers", carry.missing());
                sheet.put("carriedRows", rows.stream().map(TableFigures.Line::key)
                        .filter(k -> !k.equals(unitCode)).toList());
                sheet.put("ownRow", table.hasOwnRow());
            }
            out.add(sheet);
        }
        return out;
    }

    /** The unit itself where its table has its own row, else null. */
    private Unit self(StatTable table, String unitCode) {
        return table.hasOwnRow() ? units.find(unitCode).orElse(null) : null;
    }

    /**
     * The rows of a table as several units handed it in (the county summary's approved units): their sub-units (or,
     * for a table built from the members' reports, their members in this notice) read at once, by unit code.
     * {@code cells} gives each unit's filled cells (of this table, its code taken off).
     */
    @Transactional(readOnly = true)
    public Map<String, List<TableFigures.Line>> linesOf(Campaign c, StatTable table, Map<String, Set<String>> cells) {
        Map<String, List<Unit>> children;
        if (!table.rowsPerSubUnit()) {
            children = Map.of();
        } else if (table.carriesMembers()) {
            children = new java.util.HashMap<>();
            for (String unit : cells.keySet()) {
                children.put(unit, rowUnits(c, table, unit));
            }
        } else {
            children = units.allChildren(List.copyOf(cells.keySet()));
        }
        Map<String, Unit> selves = table.hasOwnRow() ? units.findAll(List.copyOf(cells.keySet())) : Map.of();
        Map<String, List<TableFigures.Line>> out = new java.util.HashMap<>();
        cells.forEach((unit, filled) -> out.put(unit, linesOf(table, selves.get(unit), children.getOrDefault(unit, List.of()), filled)));
        return out;
    }

    /** A unit's rows from itself (where the table has its own row) and its sub-units (read by the caller), and the cells it filled. */
    private static List<TableFigures.Line> linesOf(StatTable table, Unit self, List<Unit> children, Set<String> cells) {
        if (table.rowsPerSubUnit()) {
            Set<String> filled = new java.util.HashSet<>();
            cells.forEach(cell -> filled.add(TableFigures.rowOf(cell)));
            List<TableFigures.Line> lines = new ArrayList<>();
            if (self != null) {
                lines.add(ownLine(self));
            }
            // (a table built from the members' reports: the members it was handed in with)
            children.stream().filter(u -> table.carriesMembers() ? filled.contains(u.code()) : u.active() || filled.contains(u.code()))
                    .map(u -> new TableFigures.Line(u.code(), u.name())).forEach(lines::add);
            return lines;
        }
        return TableFigures.lines(table, List.of(), cells);
    }

    /** A version's cells: its numbers and its texts. */
    public record Cells(Map<String, java.math.BigDecimal> numbers, Map<String, String> texts) {
        Set<String> names() {
            Set<String> all = new java.util.HashSet<>(numbers.keySet());
            all.addAll(texts.keySet());
            return all;
        }
    }

    /** Each version's first table the unit fills, its rows read once; nulls without a table with columns. */
    @Transactional(readOnly = true)
    public List<TableGrid> grids(Campaign c, String unitCode, List<Cells> versions) {
        List<StatTable> tables = part(c, unitCode).tables();
        if (tables.isEmpty()) {
            return java.util.Collections.nCopies(versions.size(), null);
        }
        StatTable table = tables.get(0);
        List<Unit> children = rowUnits(c, table, unitCode);
        return versions.stream().map(v -> tableGrid(table, unitCode, children, v)).toList();
    }

    /** One version's every table the unit fills, as the views print it, in the order of the notice's attachments. */
    @Transactional(readOnly = true)
    public List<TableGrid> tableGrids(Campaign c, String unitCode, Map<String, java.math.BigDecimal> numbers, Map<String, String> texts) {
        Cells v = new Cells(numbers, texts);
        return part(c, unitCode).tables().stream().map(table -> tableGrid(table, unitCode, rowUnits(c, table, unitCode), v)).toList();
    }

    /** The tables a unit fills with their titles, in the order of {@link #tableGrids}. */
    @Transactional(readOnly = true)
    public List<StatTable> tablesOf(Campaign c, String unitCode) {
        return part(c, unitCode).tables();
    }

    private TableGrid tableGrid(StatTable table, String unitCode, List<Unit> children, Cells v) {
        var numbers = TableSet.cellsOf(table, v.numbers());
        var texts = TableSet.cellsOf(table, v.texts());
        return TableGrid.ofUnit(table, linesOf(table, self(table, unitCode), children, TableSet.namesOf(table, v.names())), numbers, texts);
    }

    /** What the rules say about figures as typed (for the form, before it is submitted): the bad values and the breaches. */
    @Transactional(readOnly = true)
    public Map<String, Object> checkFigures(String campaignId, String unitCode, Map<String, String> values) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> new ReportException("活动不存在"));
        CampaignTemplate t = c.template();
        if (!t.allTables().isEmpty()) {
            if (unitCode == null) {
                var checked = TableSet.check(t, x -> List.of(), values);
                return Map.of("fieldErrors", checked.fieldErrors(), "breaches", checked.breaches());
            }
            CampaignTemplate.Part part = part(c, unitCode);
            Map<String, String> typed = withCarried(new ReportPayload(values, null, null, null), carry(c, unitCode, part)).values();
            var checked = TableSet.check(t, part.tables(), subUnits(c, unitCode), typed);
            return Map.of("fieldErrors", checked.fieldErrors(), "breaches", checked.breaches());
        }
        FigureValidator.Checked fc = FigureValidator.check(t.indicators(), values);
        // with some figures wrong, the rules on the right ones are judged all the same (a hard one is told at once)
        return Map.of("fieldErrors", fc.fieldErrors(), "breaches", fc.figures() != null ? FigureRules.check(t.rules(), fc.figures().values())
                : FigureRules.checkKnown(t.rules(), fc.known(), fc.unknown(t.indicators())));
    }

    /** The rule breaches of a handed-in version, shown to the reviewer beside the figures. */
    public List<FigureRules.Breach> breaches(Campaign c, ReportVersion v) {
        var t = c.template();
        if (!t.allTables().isEmpty()) {
            Set<String> cells = new java.util.HashSet<>(v.values().keySet());
            cells.addAll(v.texts().keySet());
            return TableSet.breaches(t, part(c, v.unitCode()).tables(), table -> linesOf(table, self(table, v.unitCode()),
                    rowUnits(c, table, v.unitCode()), TableSet.namesOf(table, cells)), v.values());
        }
        return FigureRules.check(t.rules(), v.values());
    }

    /**
     * Takes a unit out of the running campaign — it merged or closed, or the notice reached it by mistake — as the
     * section decides, with its reason; recorded with who and when, and shown as 已撤销 everywhere. A unit whose report
     * is approved stays (its figures are in the county's); a campaign no longer collecting keeps its units. Returns the
     * unit's row as it stood (its process instance is ended by the caller, through the model).
     */
    public UnitReport withdraw(String campaignId, String unitCode, String reason, String actor) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> new ReportException("活动 " + campaignId + " 不存在"));
        if (c.status() != CampaignStatus.ISSUED) {
            throw new ReportException("只能撤销征集中的通知所下发的单位（该通知当前为“" + c.status().label() + "”）");
        }
        UnitReport u = lockedUnit(campaignId, unitCode);
        if (u.status() == UnitStatus.WITHDRAWN) {
            throw new ReportException("该单位的报送已经撤销");
        }
        if (u.status() == UnitStatus.APPROVED) {
            throw new ReportException("该单位的报送已审核通过并计入汇总，不能撤销");
        }
        String why = Texts.optional(reason);
        if (why == null) {
            throw new ReportException("请填写撤销理由", Map.of("reason", "请填写撤销理由"));
        }
        if (why.length() > Decisions.MAX_COMMENT) {
            throw new ReportException("撤销理由过长", Map.of("reason", "撤销理由过长（最多 " + Decisions.MAX_COMMENT + " 字，现 " + why.length() + " 字）"));
        }
        reports.withdraw(campaignId, unitCode, u.status(), why, actor, LocalDateTime.now(clock));
        return u;
    }

    /** The unit's withdrawal from the campaign, if it was withdrawn. */
    @Transactional(readOnly = true)
    public Optional<Withdrawal> withdrawal(String campaignId, String unitCode) {
        return reports.withdrawal(campaignId, unitCode);
    }

    /** Every withdrawal of the campaign, oldest first. */
    @Transactional(readOnly = true)
    public List<Withdrawal> withdrawals(String campaignId) {
        return reports.withdrawals(campaignId);
    }

    /** 逾期, as {@link Lateness} defines it, today. */
    public boolean isOverdue(UnitReport u) {
        return Lateness.isOverdue(u.status(), u.dueDate(), LocalDate.now(clock));
    }

    public boolean allApproved(String campaignId) {
        return reports.countNotApproved(campaignId) == 0;
    }

    /** The due date shown on the unit's tasks: the campaign deadline, or the new date of the last return. */
    @Transactional(readOnly = true)
    public java.util.Date dueDate(String campaignId, String unitCode) {
        LocalDate due = unit(campaignId, unitCode).dueDate();
        return due == null ? null : java.util.Date.from(due.atTime(23, 59, 59).atZone(clock.getZone()).toInstant());
    }

    private Campaign openCampaign(String campaignId) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> new ReportException("活动 " + campaignId + " 不存在"));
        if (c.status() == CampaignStatus.CLOSED || c.status() == CampaignStatus.ARCHIVED) {
            throw new ReportException("活动已截止，不再接收报送");
        }
        if (c.status() != CampaignStatus.ISSUED) {
            throw new ReportException("通知尚未印发");
        }
        return c;
    }

    private UnitReport lockedUnit(String campaignId, String unitCode) {
        return reports.lockUnit(campaignId, unitCode)
                .orElseThrow(() -> new ReportException("单位 " + unitCode + " 不在活动 " + campaignId + " 的下发范围内"));
    }

    /** What a return allows at 审核报送: a new due date, and no return once the campaign has closed. */
    private static Decisions.Return reviewReturn(Campaign c) {
        return c.status() == CampaignStatus.CLOSED ? Decisions.Return.refused("活动已截止，不能再退回修改，只能审核通过")
                : Decisions.Return.REASON_AND_DUE_DATE;
    }

    /**
     * The rules' verdict on a decision as the person makes it, before it is handed in: 审核报送 ({@code review}) or
     * 单位负责人审批. Says the same as {@link #review} and {@link #headDecision} would.
     */
    @Transactional(readOnly = true)
    public Decisions.Verdict checkDecision(String campaignId, boolean review, Boolean approved, String comment, String newDueDate) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> new ReportException("活动 " + campaignId + " 不存在"));
        LocalDate due;
        try {
            due = Dates.day(newDueDate, "新的报送期限");
        } catch (Refusal e) {
            return new Decisions.Verdict(Map.of("newDueDate", e.getMessage()));
        }
        return Decisions.check(approved, comment, due, review ? reviewReturn(c) : Decisions.Return.REASON, LocalDate.now(clock));
    }

    /** The attachments a report would carry: those uploaded for it, and those of the previous version it keeps. */
    List<AttachmentInfo> carried(String campaignId, UnitReport u, ReportPayload payload) {
        List<AttachmentInfo> all = new ArrayList<>(reports.staged(campaignId, u.unitCode()));
        all.addAll(keptFromPrevious(campaignId, u, payload));
        return all;
    }

    private List<AttachmentInfo> keptFromPrevious(String campaignId, UnitReport u, ReportPayload payload) {
        List<AttachmentInfo> kept = new ArrayList<>();
        if (u.currentVersion() > 0 && !payload.keepAttachments().isEmpty()) {
            Set<Long> keep = Set.copyOf(payload.keepAttachments());
            reports.findVersion(campaignId, u.unitCode(), u.currentVersion()).ifPresent(prev ->
                    prev.attachments().stream().filter(a -> keep.contains(a.id())).forEach(kept::add));
        }
        return kept;
    }
}
