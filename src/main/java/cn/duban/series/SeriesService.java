package cn.duban.series;

import cn.duban.calendar.WorkCalendar;
import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignException;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.Periods;
import cn.duban.report.FigureColumn;
import cn.duban.report.ReportFigures;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import cn.duban.series.SeriesRepository.StoredPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A periodic return from its sign-off to its last period: the periods registered from the notice's schedule, each
 * opened on its date as a campaign of its own, a missed period's figures carried over where the notice says so, and
 * the series as the section reads it (a period × unit matrix, cumulative figures).
 */
@Service
@Transactional
public class SeriesService {

    private final CampaignService campaigns;
    private final SeriesRepository periods;
    private final ReportService reports;
    private final ReportFigures figures;
    private final WorkCalendar calendar;
    private final Clock clock;

    public SeriesService(CampaignService campaigns, SeriesRepository periods, ReportService reports, ReportFigures figures,
                         WorkCalendar calendar, Clock clock) {
        this.campaigns = campaigns;
        this.periods = periods;
        this.reports = reports;
        this.figures = figures;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * 登记各期: the notice, signed off, goes out as a series; its periods still to come are registered with their due
     * dates (moved to a working day where the notice says so). Periods already past due when it is signed off are
     * not opened.
     */
    public int plan(String seriesId) {
        Campaign c = campaigns.get(seriesId);
        var schedule = c.template().periodic();
        if (schedule == null) {
            throw new CampaignException("该通知不是定期报送");
        }
        List<StoredPeriod> planned = periods.periods(seriesId);
        if (c.status() == CampaignStatus.ISSUED && !planned.isEmpty()) {
            return planned.size();
        }
        LocalDate today = LocalDate.now(clock);
        List<Periods.Period> coming = Periods.of(schedule, today, calendar::onOrAfter).stream()
                .filter(p -> !Periods.dueDate(schedule, p, calendar::onOrAfter).isBefore(today)).toList();
        if (coming.isEmpty()) {
            throw new CampaignException("定期报送的各期报送期限均已过，没有可开放的期");
        }
        LocalDate lastDue = Periods.dueDate(schedule, coming.get(coming.size() - 1), calendar::onOrAfter);
        campaigns.issueAsSeries(seriesId, lastDue);
        coming.forEach(p -> periods.insert(seriesId, p, Periods.dueDate(schedule, p, calendar::onOrAfter)));
        return coming.size();
    }

    /** The hour of the day a period opens (China time), as the reminders go out in the morning. */
    static final int OPENING_HOUR = 8;

    /**
     * When the next period opens: the morning of its opening day, or now when that day has come (or passed, a series
     * signed off late); null when every period is open.
     */
    @Transactional(readOnly = true)
    public java.time.Instant nextOpening(String seriesId) {
        LocalDate day = firstUnopened(seriesId).map(StoredPeriod::opens).orElse(null);
        if (day == null) {
            return null;
        }
        return day.isAfter(LocalDate.now(clock)) ? day.atTime(OPENING_HOUR, 0).atZone(clock.getZone()).toInstant() : clock.instant();
    }

    @Transactional(readOnly = true)
    public boolean hasUnopened(String seriesId) {
        return firstUnopened(seriesId).isPresent();
    }

    /** 开放本期: the next period becomes a campaign of its own, ready to be issued; its id. */
    public String openNext(String seriesId) {
        StoredPeriod p = firstUnopened(seriesId).orElseThrow(() -> new CampaignException("定期报送的各期均已开放"));
        Campaign period = campaigns.createPeriod(seriesId, p.label(), p.due());
        if (!periods.markOpened(seriesId, p.no(), period.id(), LocalDateTime.now(clock))) {
            throw new CampaignException("第 " + p.no() + " 期已由另一处开放");
        }
        return period.id();
    }

    private Optional<StoredPeriod> firstUnopened(String seriesId) {
        return periods.periods(seriesId).stream().filter(p -> p.campaignId() == null).findFirst();
    }

    /**
     * What the 督办看板's list says of series: for a series, its number of periods and how many are open; for a
     * period's campaign, its series and its name. One reading for every campaign.
     */
    public record Place(String seriesId, int periods, int opened, String periodLabel) {}

    @Transactional(readOnly = true)
    public Map<String, Place> places() {
        Map<String, Place> out = new java.util.HashMap<>();
        Map<String, List<StoredPeriod>> bySeries = new java.util.HashMap<>();
        periods.all().forEach(p -> bySeries.computeIfAbsent(p.seriesId(), k -> new ArrayList<>()).add(p));
        bySeries.forEach((series, list) -> {
            out.put(series, new Place(series, list.size(), (int) list.stream().filter(p -> p.campaignId() != null).count(), null));
            list.stream().filter(p -> p.campaignId() != null)
                    .forEach(p -> out.put(p.campaignId(), new Place(series, list.size(), 0, p.label())));
        });
        return out;
    }

    /** The series a campaign is a period of, and the period's name. */
    @Transactional(readOnly = true)
    public Optional<Place> periodOf(String campaignId) {
        return periods.periodOf(campaignId).map(p -> new Place(p.seriesId(), 0, 0, p.label()));
    }

    /**
     * A period closed: where the notice carries over, each unit that missed it is given its previous period's
     * approved (or carried) figures, marked so. The number of units carried over.
     */
    public int carryOver(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        var schedule = c.template().periodic();
        StoredPeriod p = periods.periodOf(campaignId).orElse(null);
        if (p == null || schedule == null || !schedule.carriesOver() || p.no() == 1) {
            return 0;
        }
        String previous = periods.periods(p.seriesId()).stream().filter(x -> x.no() == p.no() - 1)
                .map(StoredPeriod::campaignId).findFirst().orElse(null);
        if (previous == null) {
            return 0;
        }
        int n = 0;
        for (var line : figures.lines(campaignId, c.deadline())) {
            if (line.status() == UnitStatus.CLOSED && reports.carryOver(campaignId, line.unitCode(), previous)) {
                n++;
            }
        }
        return n;
    }

    /** One period as the matrix shows it. */
    public record PeriodView(int no, String label, LocalDate opens, LocalDate due, String campaignId, String status,
                             String statusLabel, Map<String, BigDecimal> totals) {}

    /** One unit's cell in one period: its status, whether it is late, whether its figures were carried over. */
    public record Cell(String status, String label, boolean overdue, boolean carried) {}

    /** One unit's row: a cell per period (null where the period is not open yet or did not reach the unit). */
    public record UnitRow(String unitCode, String unitName, List<Cell> cells) {}

    /** Cumulative figures of one unit (or, with no code, the county): the year to date and each half of the year. */
    public record Cumulative(String unitCode, String unitName, Map<String, BigDecimal> yearToDate, Map<String, BigDecimal> firstHalf,
                             Map<String, BigDecimal> secondHalf) {}

    /** The series as the section reads it. */
    public record Matrix(String seriesId, String title, String statusLabel, int year, List<PeriodView> periods,
                         List<UnitRow> units, List<FigureColumn> figures, List<Cumulative> cumulative, boolean carriesOver) {}

    /**
     * The period × unit matrix: each opened period's units and their status (carried-over figures marked), each
     * period's county totals, and the cumulative figures of the year of the latest opened period — year to date,
     * first and second half — per unit and for the county, over approved and carried-over figures. One reading per
     * opened period, whatever the number of units.
     */
    @Transactional(readOnly = true)
    public Matrix matrix(String seriesId) {
        Campaign s = campaigns.get(seriesId);
        if (!s.template().runsInPeriods()) {
            throw new CampaignException("该通知不是定期报送");
        }
        List<StoredPeriod> all = periods.periods(seriesId);
        List<FigureColumn> columns = FigureColumn.of(s.template());
        LocalDate today = LocalDate.now(clock);
        int year = all.stream().filter(p -> p.campaignId() != null).map(p -> p.month().getYear()).reduce((a, b) -> b)
                .orElse(all.isEmpty() ? today.getYear() : all.get(0).month().getYear());
        List<PeriodView> views = new ArrayList<>();
        Map<String, String> names = new TreeMap<>();
        Map<String, Map<Integer, Cell>> cells = new TreeMap<>();
        Map<String, Map<Integer, Map<String, BigDecimal>>> values = new TreeMap<>();
        for (StoredPeriod p : all) {
            if (p.campaignId() == null) {
                views.add(new PeriodView(p.no(), p.label(), p.opens(), p.due(), null, "NOT_OPEN", "未开放", Map.of()));
                continue;
            }
            Campaign c = campaigns.get(p.campaignId());
            // each unit's approved (or carried) figures; the period's county totals are their sum
            Map<String, Map<String, BigDecimal>> approved = figures.approvedFigures(c.id());
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            approved.forEach((unit, v) -> {
                add(totals, v, columns);
                values.computeIfAbsent(unit, k -> new TreeMap<>()).put(p.no(), v);
            });
            views.add(new PeriodView(p.no(), p.label(), p.opens(), c.deadline() == null ? p.due() : c.deadline(), c.id(),
                    c.status().name(), c.status().label(), scaled(totals, columns)));
            for (var line : figures.lines(c.id(), c.deadline())) {
                names.put(line.unitCode(), line.unitName());
                cells.computeIfAbsent(line.unitCode(), k -> new TreeMap<>()).put(p.no(), new Cell(line.status().name(), line.statusLabel(),
                        line.overdue(today), line.carried()));
            }
        }
        List<UnitRow> rows = names.entrySet().stream().map(e -> new UnitRow(e.getKey(), e.getValue(),
                all.stream().map(p -> cells.get(e.getKey()).get(p.no())).toList())).toList();
        List<Cumulative> cumulative = new ArrayList<>();
        Map<String, BigDecimal> ytd = new LinkedHashMap<>();
        Map<String, BigDecimal> h1 = new LinkedHashMap<>();
        Map<String, BigDecimal> h2 = new LinkedHashMap<>();
        for (var e : names.entrySet()) {
            Map<String, BigDecimal> uYtd = new LinkedHashMap<>();
            Map<String, BigDecimal> uH1 = new LinkedHashMap<>();
            Map<String, BigDecimal> uH2 = new LinkedHashMap<>();
            for (StoredPeriod p : all) {
                Map<String, BigDecimal> v = values.getOrDefault(e.getKey(), Map.of()).get(p.no());
                if (v == null || p.month().getYear() != year) {
                    continue;
                }
                add(uYtd, v, columns);
                add(p.month().getMonthValue() <= 6 ? uH1 : uH2, v, columns);
            }
            cumulative.add(new Cumulative(e.getKey(), e.getValue(), scaled(uYtd, columns), scaled(uH1, columns), scaled(uH2, columns)));
            add(ytd, uYtd, columns);
            add(h1, uH1, columns);
            add(h2, uH2, columns);
        }
        cumulative.add(new Cumulative(null, "合计", scaled(ytd, columns), scaled(h1, columns), scaled(h2, columns)));
        return new Matrix(seriesId, s.title(), s.status() == CampaignStatus.ISSUED ? "定期报送进行中" : s.status().label(), year, views,
                rows, columns, cumulative, s.template().periodic().carriesOver());
    }

    private static void add(Map<String, BigDecimal> into, Map<String, BigDecimal> v, List<FigureColumn> columns) {
        columns.forEach(col -> {
            BigDecimal x = v.get(col.key());
            if (x != null) {
                into.merge(col.key(), x, BigDecimal::add);
            }
        });
    }

    private static Map<String, BigDecimal> scaled(Map<String, BigDecimal> v, List<FigureColumn> columns) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        columns.forEach(col -> out.put(col.key(), v.getOrDefault(col.key(), BigDecimal.ZERO).setScale(col.scale(), RoundingMode.HALF_UP)));
        return out;
    }
}
