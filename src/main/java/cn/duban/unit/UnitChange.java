package cn.duban.unit;

import java.time.LocalDateTime;

/** One change of the unit registry, as its audit lists it. */
public record UnitChange(String unitCode, String action, String detail, String changedBy, LocalDateTime changedAt) {}
