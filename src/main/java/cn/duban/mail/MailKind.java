package cn.duban.mail;

import java.util.Arrays;
import java.util.List;

/**
 * Every kind of mail duban sends, one definition each: its code (stored in {@code duban_outbox.kind}) and its Chinese
 * name on every page that lists mail. A new kind is a constant here, its text in {@link MailTemplates} and the place
 * that queues it.
 */
public enum MailKind {
    NOTICE_ISSUED("通知下发"),
    REMINDER("报送提醒"),
    LAST_REMINDER("最后提醒"),
    OVERDUE("逾期通知"),
    URGE("催办"),
    REPORT_RETURNED("退回通知"),
    DIGEST("未报汇总"),
    MEMBER_DIGEST("下级单位逾期汇总"),
    CIRCULAR_ISSUED("督办通报"),
    /** An alert to the operators (ops.Alerts), and the mail that says it is over. */
    ALERT("运维告警"),
    ALERT_RESOLVED("告警解除");

    private final String label;

    MailKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kinds that press a unit about its report (the 督办看板's 提醒与催办): reminders, overdue mail, urges. */
    public static final List<MailKind> PRESSING = List.of(REMINDER, LAST_REMINDER, OVERDUE, URGE);

    /** A stored kind's Chinese name; 邮件 for a code no longer known. */
    public static String labelOf(String code) {
        return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst().map(MailKind::label).orElse("邮件");
    }
}
