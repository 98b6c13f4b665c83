package cn.duban.export;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.CampaignTemplate.Indicator;
import cn.duban.report.AttachmentInfo;
import cn.duban.report.AttachmentService;
import cn.duban.report.FigureColumn;
import cn.duban.report.ReportService;
import cn.duban.report.ReportStatus;
import cn.duban.report.ReportVersion;
import cn.duban.report.TableFigures;
import cn.duban.report.TableGrid;
import cn.duban.series.SeriesService;
import cn.duban.summary.CountySummary;
import cn.duban.summary.SummaryService;
import cn.duban.support.FileNames;
import cn.duban.unit.Unit;
import cn.duban.unit.Units;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the exports from duban's tables (the roll-up, the versions, the attachments). */
@Service
@Transactional(readOnly = true)
public class ExportService {

    private final CampaignService campaigns;
    private final SummaryService summaries;
    private final ReportService reports;
    private final AttachmentService attachments;
    private final Units units;
    private final SeriesService series;
    private final Clock clock;

    private final cn.duban.identity.People people;
    private final cn.duban.report.Rollups rollups;

    public ExportService(CampaignService campaigns, SummaryService summaries, ReportService reports,
                         AttachmentService attachments, Units units, Clock clock, SeriesService series,
                         cn.duban.identity.People people, cn.duban.report.Rollups rollups) {
        this.people = people;
        this.rollups = rollups;
        this.series = series;
        this.campaigns = campaigns;
        this.summaries = summaries;
        this.reports = reports;
        this.attachments = attachments;
        this.units = units;
        this.clock = clock;
    }

    /**
     * The county summary: sheet 汇总表 in the attachment's layout (填报单位 = the bureau, the county totals),
     * sheet 各单位明细 (a row per unit, a column per indicator), sheet 未报送及逾期.
     */
    public byte[] summaryWorkbook(String campaignId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        summaryWorkbook(campaignId, out);
        return out.toByteArray();
    }

    /**
     * The county summary written to {@code out}. Streamed with POI's SXSSF: the per-unit sheet (a row per unit)
     * is written as it is built, at most {@link #ROWS_IN_MEMORY} rows held at a time, never a whole workbook of
     * cell objects (10,000 units cost 17–24× a bare {@code SELECT SUM} with XSSF; see docs/benchmarks.md).
     */
    public void summaryWorkbook(String campaignId, OutputStream out) {
        Campaign c = campaigns.get(campaignId);
        CountySummary s = summaries.summarize(campaignId);
        List<Indicator> indicators = c.template().indicators();
        SXSSFWorkbook wb = new SXSSFWorkbook(ROWS_IN_MEMORY) {
            @Override
            protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(OutputStream target) {
                var zip = super.createArchiveOutputStream(target);
                // a download made on demand: the fastest deflate (the file is about a fifth larger, built in less time)
                zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
                return zip;
            }
        };
        try {
            AttachmentLayout layout = new AttachmentLayout(wb);
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            s.totals().forEach(t -> totals.put(t.code(), t.amount()));
            String coverage = "汇总范围：已审核通过 " + s.approvedCount() + " 个单位 / 应报 " + s.unitCount() + " 个单位"
                    + (s.carried().isEmpty() ? "" : "，另 " + s.carried().size() + " 个单位未报送、结转上期数据计入合计")
                    + (s.approvedCount() + s.carried().size() < s.unitCount() ? "（未通过的单位不计入合计，见“未报送及逾期”）" : "（全部单位）");
            var tables = c.template().allTables();
            if (!tables.isEmpty()) {
                for (int i = 0; i < tables.size(); i++) {
                    var table = tables.get(i);
                    var sheet = s.sheets().get(i);
                    // several tables: each its own 汇总表 (附件1 汇总表, 附件2 汇总表 …) under its own title
                    String name = c.template().severalTables() ? "附件" + (i + 1) + " " : "";
                    layout.writeGrid(wb.createSheet(sheetName(name + "汇总表")), sheet.title(), coverage, c.template().issuer(),
                            LocalDate.now(clock), sheet.table());
                    if (!table.rowsPerSubUnit() && !table.rowsAdded()) {
                        // fixed rows are summed on the 汇总表: every unit's own rows on a sheet of their own
                        layout.writeGrid(wb.createSheet(sheetName(name + "各单位填报表")), sheet.title(), coverage, c.template().issuer(),
                                LocalDate.now(clock), sheet.detail());
                    }
                }
            } else {
                layout.write(wb.createSheet("汇总表"), c.template().statisticsTitle(), coverage, c.template().issuer(),
                        LocalDate.now(clock), indicators, totals);
            }
            // a column per indicator, or per number column of a table (each unit's 合计)
            List<FigureColumn> figureColumns = FigureColumn.of(c.template());

            Sheet units = wb.createSheet("各单位明细");
            Row h = units.createRow(0);
            String[] fixed = {"序号", "单位", "状态", "报送时间", "逾期天数", "退回次数"};
            for (int i = 0; i < fixed.length; i++) {
                AttachmentLayout.cell(h, i, fixed[i], layout.header());
            }
            for (int i = 0; i < figureColumns.size(); i++) {
                AttachmentLayout.cell(h, fixed.length + i, figureColumns.get(i).title(), layout.header());
            }
            int r = 1;
            for (CountySummary.UnitRow u : s.units()) {
                Row row = units.createRow(r);
                number(row, 0, r, layout, 0);
                AttachmentLayout.cell(row, 1, u.unitName(), layout.text());
                // a carried-over unit is late too; its own words say what it is (its days late beside them)
                AttachmentLayout.cell(row, 2, u.overdue() && !u.carried() ? "逾期" : u.statusLabel(), layout.text());
                AttachmentLayout.cell(row, 3, u.submittedAt() == null ? "" : u.submittedAt().toString().replace('T', ' ').substring(0, 16), layout.text());
                number(row, 4, u.daysLate(), layout, 0);
                number(row, 5, u.returnCount(), layout, 0);
                for (int i = 0; i < figureColumns.size(); i++) {
                    BigDecimal v = u.values().get(figureColumns.get(i).key());
                    Cell cell = row.createCell(fixed.length + i);
                    cell.setCellStyle(layout.number(figureColumns.get(i).scale()));
                    if (v != null) {
                        cell.setCellValue(v.doubleValue());
                    }
                }
                r++;
            }
            units.setColumnWidth(1, 36 * 256);
            units.setColumnWidth(2, 14 * 256);
            units.setColumnWidth(3, 18 * 256);
            for (int i = 0; i < figureColumns.size(); i++) {
                units.setColumnWidth(fixed.length + i, 14 * 256);
            }
            units.createFreezePane(2, 1);
            AttachmentLayout.printOnA4(units, 1, fixed.length + figureColumns.size());

            Sheet missing = wb.createSheet("未报送及逾期");
            Row mh = missing.createRow(0);
            String[] mcols = {"单位", "情况", "逾期天数"};
            for (int i = 0; i < mcols.length; i++) {
                AttachmentLayout.cell(mh, i, mcols[i], layout.header());
            }
            int m = 1;
            for (CountySummary.UnitRow u : s.units()) {
                if (u.submittedAt() == null || u.overdue() || u.daysLate() > 0) {
                    Row row = missing.createRow(m++);
                    AttachmentLayout.cell(row, 0, u.unitName(), layout.text());
                    AttachmentLayout.cell(row, 1, u.carried() ? "未报送，已结转上期数据" : u.submittedAt() == null ? "未报送" : "逾期报送",
                            layout.text());
                    number(row, 2, u.daysLate(), layout, 0);
                }
            }
            missing.setColumnWidth(0, 36 * 256);
            missing.setColumnWidth(1, 12 * 256);
            missing.setColumnWidth(2, 10 * 256);
            AttachmentLayout.printOnA4(missing, 1, mcols.length);
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose(); // the temporary files of the streamed sheets
            try {
                wb.close();
            } catch (IOException ignored) {
                // nothing held open: the workbook was written or failed
            }
        }
    }

    /** A sheet's name as Excel takes it: at most 31 characters, none of : \\ / ? * [ ]. */
    static String sheetName(String name) {
        return org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(name);
    }

    /** Rows printed for a unit to write its own in, on a blank form whose rows the unit adds. */
    static final int BLANK_ROWS = 10;

    /** A form as printed blank: its own rows with nothing in them (ten empty ones where the unit adds rows), an empty 合计. */
    static TableGrid blank(TableGrid g) {
        List<TableGrid.GridRow> rows = g.numbered()
                ? java.util.stream.IntStream.rangeClosed(1, BLANK_ROWS).mapToObj(i -> new TableGrid.GridRow(null, String.valueOf(i), Map.<String, Object>of())).toList()
                : g.rows().stream().map(r -> new TableGrid.GridRow(r.unit(), r.label(), Map.<String, Object>of())).toList();
        return new TableGrid(g.heading(), g.unitColumn(), g.columns(), rows,
                g.total() == null ? null : new TableGrid.GridRow(null, g.total().label(), Map.of()), g.numbered());
    }

    /** Rows of a streamed sheet kept in memory before they are written out. */
    static final int ROWS_IN_MEMORY = 200;

    /** A unit's own table in the same layout: its approved version, else its latest. */
    public byte[] unitWorkbook(String campaignId, String unitCode) {
        return unitWorkbook(campaignId, unitCode, false);
    }

    /** The notice's blank forms for a unit to fill offline: the same layout, its own rows printed, nothing filled. */
    public byte[] blankWorkbook(String campaignId, String unitCode) {
        return unitWorkbook(campaignId, unitCode, true);
    }

    private byte[] unitWorkbook(String campaignId, String unitCode, boolean blank) {
        Campaign c = campaigns.get(campaignId);
        if (!c.template().hasTable()) {
            // a notice without a statistics table: no empty 统计表 (its units hand in a summary and files)
            throw new cn.duban.campaign.CampaignException("本通知没有统计表：各单位报送的是活动总结和附件");
        }
        Unit unit = units.find(unitCode).orElseThrow();
        ReportVersion v = blank ? null : chosenVersion(campaignId, unitCode);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // the forms this unit fills (in a two-level roll-up, its tier's), numbered as the notice numbers them
            var tables = reports.tablesOf(c, unitCode);
            var layout = new AttachmentLayout(wb);
            List<Sheet> sheets = new ArrayList<>();
            if (!c.template().allTables().isEmpty()) {
                List<TableGrid> grids = reports.tableGrids(c, unitCode, v == null ? Map.of() : v.values(), v == null ? Map.of() : v.texts());
                if (blank) {
                    grids = grids.stream().map(ExportService::blank).toList();
                }
                for (int i = 0; i < tables.size(); i++) {
                    // one table: 统计表; several: a sheet each, 附件1 校园房屋建筑清单, 附件2 …
                    var sheet = wb.createSheet(c.template().severalTables()
                            ? sheetName("附件" + c.template().attachmentNo(tables.get(i)) + " " + c.template().titleOf(tables.get(i))) : "统计表");
                    layout.writeGrid(sheet, c.template().titleOf(tables.get(i)), carried(v), unit.name(),
                            v == null ? null : v.submittedAt().toLocalDate(), grids.get(i));
                    sheets.add(sheet);
                }
            } else {
                var sheet = wb.createSheet("统计表");
                layout.write(sheet, c.template().statisticsTitle(), carried(v), unit.name(),
                        v == null ? null : v.submittedAt().toLocalDate(), c.template().indicators(), v == null ? Map.of() : v.values());
                sheets.add(sheet);
            }
            // under the table, as the attachment's blank form asks: the unit's head, who filled it in and how to reach them
            String filler = v == null || "system".equals(v.submittedBy()) ? null : v.submittedBy();
            Map<String, String> names = people.names(filler == null ? List.of() : List.of(filler));
            Map<String, String> mails = people.emails(filler == null ? List.of() : List.of(filler));
            String contact = filler != null && mails.containsKey(filler) ? mails.get(filler)
                    : unit.mailbox() == null ? "" : unit.mailbox();
            sheets.forEach(sheet -> layout.footer(sheet, unit.headName() == null ? "" : unit.headName(),
                    filler == null ? "" : names.getOrDefault(filler, ""), contact));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A periodic return's series: 各期报送情况 (a row per unit, a column per period: its status, a carried-over month
     * marked 结转上期), 各期合计 (a row per period, its county totals) and 累计 (each unit's and the county's figures for
     * the year to date and each half of the year).
     */
    public byte[] seriesWorkbook(String seriesId) {
        SeriesService.Matrix m = series.matrix(seriesId);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AttachmentLayout layout = new AttachmentLayout(wb);
            Sheet status = wb.createSheet("各期报送情况");
            AttachmentLayout.cell(status.createRow(0), 0, m.title() + " · 各期报送情况", layout.text());
            Row h = status.createRow(1);
            AttachmentLayout.cell(h, 0, "序号", layout.header());
            AttachmentLayout.cell(h, 1, "单位", layout.header());
            for (int i = 0; i < m.periods().size(); i++) {
                AttachmentLayout.cell(h, 2 + i, m.periods().get(i).label(), layout.header());
            }
            int r = 2;
            for (SeriesService.UnitRow u : m.units()) {
                Row row = status.createRow(r);
                number(row, 0, r - 1, layout, 0);
                AttachmentLayout.cell(row, 1, u.unitName(), layout.text());
                for (int i = 0; i < u.cells().size(); i++) {
                    SeriesService.Cell cell = u.cells().get(i);
                    AttachmentLayout.cell(row, 2 + i, cell == null ? "" : cell.overdue() ? cell.label() + "（逾期）" : cell.label(),
                            layout.text());
                }
                r++;
            }
            status.setColumnWidth(1, 30 * 256);
            for (int i = 0; i < m.periods().size(); i++) {
                status.setColumnWidth(2 + i, 16 * 256);
            }
            status.createFreezePane(2, 2);
            AttachmentLayout.printOnA4(status, 2, 2 + m.periods().size());

            Sheet totals = wb.createSheet("各期合计");
            Row th = totals.createRow(0);
            AttachmentLayout.cell(th, 0, "期次", layout.header());
            AttachmentLayout.cell(th, 1, "报送期限", layout.header());
            for (int i = 0; i < m.figures().size(); i++) {
                AttachmentLayout.cell(th, 2 + i, m.figures().get(i).title(), layout.header());
            }
            r = 1;
            for (SeriesService.PeriodView p : m.periods()) {
                Row row = totals.createRow(r++);
                AttachmentLayout.cell(row, 0, p.label() + (p.campaignId() == null ? "（未开放）" : ""), layout.text());
                AttachmentLayout.cell(row, 1, p.due().toString(), layout.text());
                for (int i = 0; i < m.figures().size(); i++) {
                    BigDecimal v = p.totals().get(m.figures().get(i).key());
                    Cell c = row.createCell(2 + i);
                    c.setCellStyle(layout.number(m.figures().get(i).scale()));
                    if (v != null) {
                        c.setCellValue(v.doubleValue());
                    }
                }
            }
            totals.setColumnWidth(0, 30 * 256);
            totals.setColumnWidth(1, 14 * 256);
            AttachmentLayout.printOnA4(totals, 1, 2 + m.figures().size());

            Sheet cumulative = wb.createSheet("累计");
            Row ch = cumulative.createRow(0);
            AttachmentLayout.cell(ch, 0, "单位", layout.header());
            String[] spans = {m.year() + "年累计", "上半年", "下半年"};
            for (int i = 0; i < m.figures().size(); i++) {
                for (int j = 0; j < spans.length; j++) {
                    AttachmentLayout.cell(ch, 1 + i * spans.length + j, m.figures().get(i).title() + " · " + spans[j], layout.header());
                }
            }
            r = 1;
            for (SeriesService.Cumulative u : m.cumulative()) {
                Row row = cumulative.createRow(r++);
                AttachmentLayout.cell(row, 0, u.unitName(), u.unitCode() == null ? layout.header() : layout.text());
                for (int i = 0; i < m.figures().size(); i++) {
                    var f = m.figures().get(i);
                    List<Map<String, BigDecimal>> parts = List.of(u.yearToDate(), u.firstHalf(), u.secondHalf());
                    for (int j = 0; j < parts.size(); j++) {
                        number(row, 1 + i * spans.length + j, parts.get(j).getOrDefault(f.key(), BigDecimal.ZERO).doubleValue(), layout, f.scale());
                    }
                }
            }
            cumulative.setColumnWidth(0, 30 * 256);
            AttachmentLayout.printOnA4(cumulative, 1, 1 + m.figures().size() * spans.length);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line under a unit's table whose figures were carried over from the previous period: says so. */
    private static String carried(ReportVersion v) {
        return v != null && v.carriedOver() ? ReportVersion.CARRIED_LABEL : null;
    }

    /** The name a download goes by: the notice's short title, what it is, and the unit's name for a unit's table. */
    public String fileName(String campaignId, String what, String unitCode, String extension) {
        String title = campaigns.get(campaignId).shortTitle();
        String unit = unitCode == null ? "" : "-" + units.find(unitCode).map(Unit::name).orElse(unitCode);
        return FileNames.safeTitle(title + "-" + what + unit) + "." + extension;
    }

    /** The upward package: the summary workbook and, in a folder per approved unit, its summary documents and photos. */
    public void upwardPackage(String campaignId, OutputStream target) {
        Campaign c = campaigns.get(campaignId);
        try (ZipOutputStream zip = new ZipOutputStream(target, java.nio.charset.StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(FileNames.safeTitle(c.template().statisticsTitle() + "（汇总）.xlsx")));
            zip.write(summaryWorkbook(campaignId));
            zip.closeEntry();
            Map<String, String> kindLabels = new java.util.HashMap<>();
            c.template().attachments().effectiveKinds().forEach(k -> kindLabels.put(k.code(), k.label()));
            var all = reports.units(campaignId);
            // a roll-up's members go up inside their intermediate's folder, as the intermediate reports them
            Map<String, String> intermediates = rollups.intermediates(c, all.stream().map(x -> x.unitCode()).toList());
            for (var u : all) {
                ReportVersion v = reports.versions(campaignId, u.unitCode()).stream()
                        .filter(x -> x.status() == ReportStatus.APPROVED).findFirst().orElse(null);
                if (v == null) {
                    continue;
                }
                String intermediate = intermediates.get(u.unitCode());
                String folder = (intermediate == null ? "" : FileNames.safeTitle(units.find(intermediate).map(Unit::name).orElse(intermediate)) + "/")
                        + FileNames.safeTitle(units.find(u.unitCode()).map(Unit::name).orElse(u.unitCode())) + "/";
                // what the unit wrote in its form (its summary, its note) travels with its files
                zip.putNextEntry(new ZipEntry(folder + "报送内容.txt"));
                zip.write(writtenText(v));
                zip.closeEntry();
                if (c.template().hasTable()) {
                    zip.putNextEntry(new ZipEntry(folder + "统计表.xlsx"));
                    zip.write(unitWorkbook(campaignId, u.unitCode()));
                    zip.closeEntry();
                }
                Set<String> names = new HashSet<>();
                for (AttachmentInfo a : v.attachments()) {
                    // the summary at the unit's top level, every other kind in a folder of its own (图片/, 活动视频/ …)
                    String sub = a.kind().equals(CampaignTemplate.AttachmentKind.SUMMARY) ? ""
                            : a.kind().equals(CampaignTemplate.AttachmentKind.PHOTO) ? "图片/"
                            : FileNames.safeTitle(kindLabels.getOrDefault(a.kind(), "附件")) + "/";
                    String name = unique(names, sub + FileNames.safe(a.filename()));
                    zip.putNextEntry(new ZipEntry(folder + name));
                    attachments.copyTo(a.id(), zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unit's written summary and note as a text file Windows' Notepad opens (UTF-8 with its mark, CRLF lines). */
    static byte[] writtenText(ReportVersion v) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("报送内容（第 ").append(v.version()).append(" 版）").append(v.zeroReport() ? "：零报告" : "").append("\r\n\r\n");
        sb.append("活动总结：\r\n").append(v.summary() == null || v.summary().isBlank() ? "（无）" : v.summary().strip()).append("\r\n");
        if (v.note() != null && !v.note().isBlank()) {
            sb.append("\r\n说明：\r\n").append(v.note().strip()).append("\r\n");
        }
        return sb.toString().replace("\r\n", "\n").replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private ReportVersion chosenVersion(String campaignId, String unitCode) {
        List<ReportVersion> versions = reports.versions(campaignId, unitCode);
        return versions.stream().filter(x -> x.status() == ReportStatus.APPROVED).findFirst()
                .orElse(versions.isEmpty() ? null : versions.get(0));
    }

    private static void number(Row row, int col, double value, AttachmentLayout layout, int scale) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(layout.number(scale));
    }

    private static String unique(Set<String> names, String name) {
        String candidate = name;
        int i = 2;
        while (!names.add(candidate)) {
            int dot = name.lastIndexOf('.');
            candidate = dot > name.lastIndexOf('/') ? name.substring(0, dot) + "(" + i + ")" + name.substring(dot) : name + "(" + i + ")";
            i++;
        }
        return candidate;
    }
}
