package cn.duban.ops;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When the operators are told, and what they read: the conditions an alert is opened for, each with a key (one alert
 * per key, however long the condition lasts) and a title and text in Chinese that name campaigns by their notice's
 * title, mails by their kind and recipient, and say what to do. Pure: tested without Spring or the engine
 * (AlertRulesTest); {@link Alerts} observes, opens, mails and resolves.
 */
final class AlertRules {

    enum Kind {
        MAIL_STALLED("邮件未能发出"),
        DISTRIBUTION_FAILED("通知分发故障"),
        REMINDER_CHECK_FAILED("每日催报检查失败"),
        STORAGE("存储空间");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One condition that holds now. */
    record Condition(String key, Kind kind, String title, String detail) {}

    /** The pending mail waiting longest, as the alert names it. */
    record WaitingMail(String kindLabel, String recipient, LocalDateTime queuedAt, int attempts, String lastError) {}

    /**
     * A job of a campaign that failed: a distribution batch with an incident, or a daily reminder check that failed
     * (retrying, or stopped with an incident).
     *
     * @param campaignId    the campaign (the key of its alert, never shown)
     * @param campaignTitle the notice's title, as the alert names the campaign
     * @param batchNo       the distribution batch (from 0), or null
     * @param error         the job's last error
     * @param since         when it failed (the incident's time, or now for a retrying job)
     * @param retriesLeft   tries the engine will still make by itself (0: stopped, an incident waits for an operator)
     */
    record FailedJob(String campaignId, String campaignTitle, Integer batchNo, String error, LocalDateTime since, int retriesLeft) {}

    /** What the check saw. {@code freeDiskBytes} is null where duban keeps no files (the postgres profile). */
    record Observations(LocalDateTime now, int pendingMails, WaitingMail oldestPending, List<FailedJob> distributionFailures,
                        List<FailedJob> reminderFailures, long storedBytes, Long freeDiskBytes, String storeDirectory) {}

    /** The settings (DubanProperties.Ops.Alerts). */
    record Thresholds(Duration mailStalledAfter, long storedBytes, long minFreeDisk) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AlertRules() {}

    static List<Condition> evaluate(Observations o, Thresholds t) {
        List<Condition> out = new ArrayList<>();
        mail(o, t).ifPresent(out::add);
        byCampaign(o.distributionFailures()).forEach((id, failures) -> out.add(distribution(id, failures)));
        byCampaign(o.reminderFailures()).forEach((id, failures) -> out.add(reminderCheck(id, failures)));
        if (t.storedBytes() > 0 && o.storedBytes() >= t.storedBytes()) {
            out.add(new Condition("storage", Kind.STORAGE, "附件存储量超过告警线",
                    "各通知中各单位上传的附件共 " + size(o.storedBytes()) + "，已超过告警线 " + size(t.storedBytes()) + "。"
                            + "请为数据库（或附件目录所在磁盘）增加空间，或调高告警线（duban.ops.alerts.stored-bytes）；"
                            + "已归档通知的附件可在备份后按本局的保存期限清理。"));
        }
        if (o.freeDiskBytes() != null && t.minFreeDisk() > 0 && o.freeDiskBytes() < t.minFreeDisk()) {
            out.add(new Condition("disk", Kind.STORAGE, "附件目录所在磁盘空间不足",
                    "附件目录 " + o.storeDirectory() + " 所在磁盘只剩 " + size(o.freeDiskBytes()) + "，低于告警线 "
                            + size(t.minFreeDisk()) + "。磁盘写满后各单位将无法上传附件、数据库也无法写入。请尽快扩容或清理该磁盘"
                            + "（不要删除附件目录和数据库文件）。"));
        }
        return out;
    }

    private static java.util.Optional<Condition> mail(Observations o, Thresholds t) {
        WaitingMail m = o.oldestPending();
        if (o.pendingMails() == 0 || m == null || m.queuedAt() == null) {
            return java.util.Optional.empty();
        }
        Duration waited = Duration.between(m.queuedAt(), o.now());
        if (waited.compareTo(t.mailStalledAfter()) < 0) {
            return java.util.Optional.empty();
        }
        StringBuilder d = new StringBuilder("已有 ").append(minutes(waited)).append("没有邮件发出：最早一封待发送的邮件（")
                .append(m.kindLabel()).append("，收件人 ").append(m.recipient()).append("）于 ").append(m.queuedAt().format(WHEN))
                .append(" 排队，已尝试发送 ").append(m.attempts()).append(" 次；目前共有 ").append(o.pendingMails()).append(" 封邮件待发送。");
        if (m.lastError() != null && !m.lastError().isBlank()) {
            d.append("最近一次的错误：").append(m.lastError()).append("。");
        } else if (m.attempts() == 0) {
            d.append("这封邮件还一次都没有发送过：请检查督办系统的发件程序是否在运行（各节点的日志）。");
        }
        d.append("请检查邮件中继（SMTP 服务器）是否可达、账号是否有效；恢复后待发送的邮件会自动补发，每封只发一次，无需重发。");
        return java.util.Optional.of(new Condition("mail", Kind.MAIL_STALLED, "邮件已 " + minutes(t.mailStalledAfter()) + "以上未能发出",
                d.toString()));
    }

    private static Condition distribution(String campaignId, List<FailedJob> failures) {
        FailedJob first = failures.get(0);
        StringBuilder d = new StringBuilder("通知《").append(first.campaignTitle()).append("》下发给各单位时，");
        List<String> batches = failures.stream().map(f -> f.batchNo() == null ? "一批单位" : "第 " + (f.batchNo() + 1) + " 批单位").distinct().toList();
        d.append(String.join("、", batches)).append("下发失败，已停止自动重试（").append(first.since().format(WHEN))
                .append(" 起），这些单位还没有收到通知和待办。错误：").append(first.error()).append("。")
                .append("处理：查明并排除原因后，在监控（Cockpit）中打开该故障并重试；已收到通知的单位不会重复收到。");
        return new Condition("distribution:" + campaignId, Kind.DISTRIBUTION_FAILED, "《" + first.campaignTitle() + "》通知分发出现故障",
                d.toString());
    }

    private static Condition reminderCheck(String campaignId, List<FailedJob> failures) {
        FailedJob first = failures.get(0);
        StringBuilder d = new StringBuilder("通知《").append(first.campaignTitle()).append("》的每日催报检查于 ")
                .append(first.since().format(WHEN)).append(" 失败");
        if (first.retriesLeft() > 0) {
            d.append("，系统还会自动重试 ").append(first.retriesLeft()).append(" 次");
        } else {
            d.append("，已停止自动重试");
        }
        d.append("；当天的催报和逾期提醒尚未发出。错误：").append(first.error()).append("。")
                .append("处理：查明并排除原因后，在监控（Cockpit）中打开该故障并重试；重试成功后当天的催报会发出，每封只发一次。");
        return new Condition("reminder-check:" + campaignId, Kind.REMINDER_CHECK_FAILED, "《" + first.campaignTitle() + "》的每日催报检查失败",
                d.toString());
    }

    private static Map<String, List<FailedJob>> byCampaign(List<FailedJob> failures) {
        Map<String, List<FailedJob>> out = new LinkedHashMap<>();
        failures.forEach(f -> out.computeIfAbsent(f.campaignId(), k -> new ArrayList<>()).add(f));
        return out;
    }

    static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 120 && m % 60 == 0 ? m / 60 + " 小时" : m >= 60 ? m / 60 + " 小时 " + m % 60 + " 分钟" : m + " 分钟";
    }

    static String size(long bytes) {
        double gb = bytes / (1024.0 * 1024 * 1024);
        if (gb >= 1) {
            return String.format("%.1f GB", gb);
        }
        double mb = bytes / (1024.0 * 1024);
        return mb >= 1 ? String.format("%.1f MB", mb) : String.format("%.1f KB", bytes / 1024.0);
    }
}
