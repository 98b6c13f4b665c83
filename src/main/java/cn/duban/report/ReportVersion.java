package cn.duban.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One version of a unit's report, as handed in; never changed but for its review. A version {@code carriedOver}
 * was not handed in: a unit that missed a period of a periodic return was given its previous period's figures.
 */
public record ReportVersion(
        long id,
        String campaignId,
        String unitCode,
        int version,
        ReportStatus status,
        String summary,
        String note,
        String submittedBy,
        LocalDateTime submittedAt,
        String reviewedBy,
        LocalDateTime reviewedAt,
        String reviewComment,
        LocalDate newDueDate,
        Map<String, BigDecimal> values,
        Map<String, String> texts,
        List<AttachmentInfo> attachments,
        boolean carriedOver,
        boolean zeroReport) {

    /** The status in Chinese, as every page shows it. */
    /** What a carried-over version is called wherever it is shown. */
    public static final String CARRIED_LABEL = "结转上期数据（本期未报送）";

    @JsonProperty("statusLabel")
    public String statusLabel() {
        return carriedOver ? CARRIED_LABEL : zeroReport ? status.label() + "（零报告）" : status.label();
    }
}
