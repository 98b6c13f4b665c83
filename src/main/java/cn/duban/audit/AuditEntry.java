package cn.duban.audit;

import java.time.LocalDateTime;

/** One line of a campaign's audit: when, who, what, for which unit (if any), and from which task (if any). */
public record AuditEntry(LocalDateTime at, String who, String what, String unitCode, String task) {}
