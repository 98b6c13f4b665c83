package cn.duban.audit;

import cn.duban.support.Dates;
import cn.duban.support.Refusal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What of a campaign's audit a person asks for: state changes (the default), downloads, or both; by person, unit
 * and period; one page at a time, oldest first (a timeline). Every bad parameter is refused in Chinese.
 */
public record AuditQuery(Kind kind, String who, String unit, LocalDate from, LocalDate to, int page, int size) {

    public static final int MAX_SIZE = 200;

    public enum Kind { CHANGES, DOWNLOADS, ALL }

    /** A page of the audit, with how many lines match in all. */
    public record Page(long total, int page, int size, List<AuditEntry> entries) {}

    /** From the request's parameters, each possibly absent. */
    public static AuditQuery of(String kind, String who, String unit, String from, String to, Integer page, Integer size) {
        Kind k;
        try {
            k = kind == null || kind.isBlank() ? Kind.CHANGES : Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refusal("参数 kind 只能是 changes（状态变更）、downloads（下载记录）或 all（全部）");
        }
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw new Refusal("页码不能小于 0");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new Refusal("每页条数应在 1～" + MAX_SIZE + " 之间");
        }
        LocalDate f = Dates.day(from, "起始日期");
        LocalDate t = Dates.day(to, "截止日期");
        if (f != null && t != null && t.isBefore(f)) {
            throw new Refusal("截止日期不能早于起始日期");
        }
        return new AuditQuery(k, blankToNull(who), blankToNull(unit), f, t, p, s);
    }

    boolean wantsDownloads() {
        return kind != Kind.CHANGES;
    }

    /** The lines that match, oldest first, cut to the page asked for. */
    Page apply(List<AuditEntry> all) {
        List<AuditEntry> matching = all.stream()
                .filter(e -> kind == Kind.ALL || e.download() == (kind == Kind.DOWNLOADS))
                .filter(e -> who == null || who.equals(e.who()))
                .filter(e -> unit == null || unit.equals(e.unitCode()))
                .filter(e -> from == null || (e.at() != null && !e.at().toLocalDate().isBefore(from)))
                .filter(e -> to == null || (e.at() != null && !e.at().toLocalDate().isAfter(to)))
                .sorted(Comparator.comparing(AuditEntry::at, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        int start = (int) Math.min((long) page * size, matching.size());
        return new Page(matching.size(), page, size, matching.subList(start, Math.min(start + size, matching.size())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
