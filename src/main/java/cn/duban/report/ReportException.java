package cn.duban.report;

import cn.duban.support.Refusal;
import java.util.List;
import java.util.Map;

/**
 * A report the rules refuse. The message is Chinese and shown as is; {@code fieldErrors} maps an
 * indicator code (or "summary", "photos", …) to its message so a form can show it beside the field.
 * Nothing has been saved when it is thrown.
 */
public class ReportException extends Refusal {

    private final Map<String, String> fieldErrors;

    public ReportException(String message) {
        this(message, Map.of());
    }

    public ReportException(String message, Map<String, String> fieldErrors) {
        super(message);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static ReportException of(List<String> problems, Map<String, String> fieldErrors) {
        return new ReportException("报送未通过校验：" + String.join("；", problems), fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("fieldErrors", fieldErrors);
    }
}
