package cn.duban.mail;

import java.util.Map;

/** What each kind of mail and each delivery status is called in Chinese: one list for every page that shows mail. */
public final class MailKinds {

    private static final Map<String, String> KINDS = Map.of(
            Notifications.NOTICE_ISSUED, "通知下发", "REMINDER", "报送提醒", "LAST_REMINDER", "最后提醒", "OVERDUE", "逾期通知",
            "URGE", "催办", Notifications.REPORT_RETURNED, "退回通知", "DIGEST", "未报汇总", "MEMBER_DIGEST", "下级单位逾期汇总",
            Notifications.CIRCULAR_ISSUED, "督办通报");
    private static final Map<String, String> STATES = Map.of(Outbox.PENDING, "待发送", Outbox.SENT, "已发送", Outbox.FAILED, "发送失败");

    private MailKinds() {}

    public static String kind(String kind) {
        return KINDS.getOrDefault(kind, "邮件");
    }

    public static String status(String status) {
        return STATES.getOrDefault(status, "");
    }
}
