package cn.duban.report;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One unit's state in one campaign (a row of duban_campaign_unit). */
public record UnitReport(
        String campaignId,
        String unitCode,
        int batchNo,
        UnitStatus status,
        String reporterUser,
        LocalDate dueDate,
        LocalDateTime signedAt,
        LocalDateTime firstSubmittedAt,
        LocalDateTime lastSubmittedAt,
        LocalDateTime approvedAt,
        int returnCount,
        int currentVersion,
        String processInstanceId) {}
