package cn.duban.mail;

import java.util.Map;

/** What each kind of mail ({@link MailKind}) and each delivery status is called in Chinese, for every page that shows mail. */
public final class MailKinds {

    private static final Map<String, String> STATES = Map.of(Outbox.PENDING, "待发送", Outbox.SENT, "已发送", Outbox.FAILED, "发送失败");

    private MailKinds() {}

    public static String kind(String kind) {
        return MailKind.labelOf(kind);
    }

    public static String status(String status) {
        return STATES.getOrDefault(status, "");
    }
}
