package cn.duban.report;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A unit sent a running notice after it went out (补发): its own due date, why, by whom and when. */
public record LateAddition(String unitCode, LocalDate dueDate, String reason, String addedBy, LocalDateTime addedAt) {}
