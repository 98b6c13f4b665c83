package cn.duban.mail;

import java.util.Map;

/** What each kind of mail and each delivery status is called in Chinese: one list for every page that shows mail. */
public final class MailKinds {

    /** An alert to the operators, and the mail that says it is over (ops.Alerts). */
    public static final String ALERT = "ALERT";
    public static final String ALERT_RESOLVED = "ALERT_RESOLVED";

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry(Notifications.NOTICE_ISSUED, "通知下发"), Map.entry("REMINDER", "报送提醒"), Map.entry("LAST_REMINDER", "最后提醒"),
            Map.entry("OVERDUE", "逾期通知"), Map.entry("URGE", "催办"), Map.entry(Notifications.REPORT_RETURNED, "退回通知"),
            Map.entry("DIGEST", "未报汇总"), Map.entry("MEMBER_DIGEST", "下级单位逾期汇总"), Map.entry(Notifications.CIRCULAR_ISSUED, "督办通报"),
            Map.entry(ALERT, "运维告警"), Map.entry(ALERT_RESOLVED, "告警解除"));
    private static final Map<String, String> STATES = Map.of(Outbox.PENDING, "待发送", Outbox.SENT, "已发送", Outbox.FAILED, "发送失败");

    private MailKinds() {}

    public static String kind(String kind) {
        return KINDS.getOrDefault(kind, "邮件");
    }

    public static String status(String status) {
        return STATES.getOrDefault(status, "");
    }
}
