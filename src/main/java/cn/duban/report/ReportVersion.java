package cn.duban.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** One version of a unit's report, as handed in; never changed but for its review. */
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
        List<AttachmentInfo> attachments) {

    /** The status in Chinese, as every page shows it. */
    @JsonProperty("statusLabel")
    public String statusLabel() {
        return status.label();
    }
}
