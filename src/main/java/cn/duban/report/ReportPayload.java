package cn.duban.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * What the fill-in form hands in (a transient process variable, never stored by the engine): the
 * typed figures as text, the summary, a note, which attachments of the previous version to keep, and whether it is a
 * 零报告.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportPayload(Map<String, String> values, String summary, String note, List<Long> keepAttachments,
                            Boolean zeroReport) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReportPayload {
        values = values == null ? Map.of() : values;
        keepAttachments = keepAttachments == null ? List.of() : keepAttachments;
    }

    public ReportPayload(Map<String, String> values, String summary, String note, List<Long> keepAttachments) {
        this(values, summary, note, keepAttachments, null);
    }

    /** Whether the unit hands in a 零报告 (nothing of the kind to report, said in its summary). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isZero() {
        return Boolean.TRUE.equals(zeroReport);
    }

    public static ReportPayload parse(String json) {
        if (json == null || json.isBlank()) {
            throw new ReportException("没有收到填报内容，请刷新页面后重试");
        }
        try {
            return JSON.readValue(json, ReportPayload.class);
        } catch (JsonProcessingException e) {
            throw new ReportException("填报内容格式不正确，请刷新页面后重试");
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
