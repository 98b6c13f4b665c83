package cn.duban.audit;

import java.time.LocalDateTime;

/**
 * One line of a campaign's audit: when, who, what, for which unit (if any), from which task (if any), and whether
 * it is a download (listed apart, so that many downloads never bury a state change).
 */
public record AuditEntry(LocalDateTime at, String who, String what, String unitCode, String task, boolean download) {

    public AuditEntry(LocalDateTime at, String who, String what, String unitCode, String task) {
        this(at, who, what, unitCode, task, false);
    }
}
