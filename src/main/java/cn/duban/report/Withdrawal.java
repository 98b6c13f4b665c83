package cn.duban.report;

import java.time.LocalDateTime;

/** A unit taken out of a running campaign by the section: what it stood at, why, by whom and when. */
public record Withdrawal(String unitCode, UnitStatus statusBefore, String reason, String withdrawnBy, LocalDateTime withdrawnAt) {}
