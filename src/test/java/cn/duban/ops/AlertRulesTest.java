package cn.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ops.AlertRules.Condition;
import cn.duban.ops.AlertRules.FailedJob;
import cn.duban.ops.AlertRules.Kind;
import cn.duban.ops.AlertRules.Observations;
import cn.duban.ops.AlertRules.Thresholds;
import cn.duban.ops.AlertRules.WaitingMail;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the operators are told, and what they read: every condition, its key and its Chinese text, without Spring. */
class AlertRulesTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 8, 10, 0);
    static final Thresholds T = new Thresholds(Duration.ofMinutes(30), 200L << 30, 10L << 30);
    static final String TITLE = "关于开展2024年“3·15”国际消费者权益日活动的通知";

    static Observations quiet() {
        return new Observations(NOW, 0, null, List.of(), List.of(), 1L << 30, 100L << 30, "/var/lib/duban/attachments");
    }

    @Test
    void nothingHoldsWhenAllIsWell() {
        assertThat(AlertRules.evaluate(quiet(), T)).isEmpty();
    }

    @Test
    void mailWaitingLongerThanTheLimitIsAnAlertNamingTheMailAndTheError() {
        WaitingMail m = new WaitingMail("报送提醒", "rmyy@yiyuan.gov.cn", NOW.minusMinutes(31), 5, "Connection refused");
        List<Condition> c = AlertRules.evaluate(new Observations(NOW, 12, m, List.of(), List.of(), 0, null, null), T);
        assertThat(c).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("mail");
            assertThat(a.kind()).isEqualTo(Kind.MAIL_STALLED);
            assertThat(a.title()).isEqualTo("邮件已 30 分钟以上未能发出");
            assertThat(a.detail()).contains("已有 31 分钟没有邮件发出", "报送提醒", "rmyy@yiyuan.gov.cn", "2026-12-08 09:29",
                    "已尝试发送 5 次", "共有 12 封邮件待发送", "Connection refused", "每封只发一次");
        });
        // a mail queued 29 minutes ago is no alert yet
        WaitingMail young = new WaitingMail("报送提醒", "rmyy@yiyuan.gov.cn", NOW.minusMinutes(29), 1, "Connection refused");
        assertThat(AlertRules.evaluate(new Observations(NOW, 1, young, List.of(), List.of(), 0, null, null), T)).isEmpty();
    }

    @Test
    void aMailNeverTriedPointsAtTheSender() {
        WaitingMail m = new WaitingMail("通知下发", "a@b.cn", NOW.minusHours(2), 0, null);
        assertThat(AlertRules.evaluate(new Observations(NOW, 1, m, List.of(), List.of(), 0, null, null), T).get(0).detail())
                .contains("已有 2 小时没有邮件发出", "还一次都没有发送过", "发件程序");
    }

    @Test
    void distributionIncidentsAreOneAlertPerCampaignNamingItsBatches() {
        List<FailedJob> f = List.of(new FailedJob("C1", TITLE, 2, "数据库连接中断", NOW.minusMinutes(3), 0),
                new FailedJob("C1", TITLE, 5, "数据库连接中断", NOW.minusMinutes(2), 0),
                new FailedJob("C2", "关于开展爱国卫生月活动的通知", null, "x", NOW, 0));
        List<Condition> c = AlertRules.evaluate(new Observations(NOW, 0, null, f, List.of(), 0, null, null), T);
        assertThat(c).extracting(Condition::key).containsExactly("distribution:C1", "distribution:C2");
        assertThat(c.get(0).title()).isEqualTo("《" + TITLE + "》通知分发出现故障");
        assertThat(c.get(0).detail()).contains("第 3 批单位、第 6 批单位下发失败", "数据库连接中断", "重试", "不会重复收到")
                .doesNotContain("C1");
    }

    @Test
    void aFailedDailyCheckSaysWhetherTheEngineStillRetries() {
        FailedJob retrying = new FailedJob("C1", TITLE, null, "Connection reset", NOW.withHour(9), 2);
        Condition c = AlertRules.evaluate(new Observations(NOW, 0, null, List.of(), List.of(retrying), 0, null, null), T).get(0);
        assertThat(c.key()).isEqualTo("reminder-check:C1");
        assertThat(c.title()).isEqualTo("《" + TITLE + "》的每日催报检查失败");
        assertThat(c.detail()).contains("2026-12-08 09:00 失败", "还会自动重试 2 次", "Connection reset", "每封只发一次");
        FailedJob stopped = new FailedJob("C1", TITLE, null, "Connection reset", NOW.withHour(9), 0);
        assertThat(AlertRules.evaluate(new Observations(NOW, 0, null, List.of(), List.of(stopped), 0, null, null), T).get(0).detail())
                .contains("已停止自动重试");
    }

    @Test
    void storageAndDiskEachHaveTheirAlert() {
        Observations full = new Observations(NOW, 0, null, List.of(), List.of(), 210L << 30, 8L << 30, "/var/lib/duban/attachments");
        List<Condition> c = AlertRules.evaluate(full, T);
        assertThat(c).extracting(Condition::key).containsExactly("storage", "disk");
        assertThat(c.get(0).detail()).contains("共 210.0 GB", "告警线 200.0 GB");
        assertThat(c.get(1).detail()).contains("/var/lib/duban/attachments", "只剩 8.0 GB", "10.0 GB");
        // the postgres profile keeps no files: no disk to watch
        assertThat(AlertRules.evaluate(new Observations(NOW, 0, null, List.of(), List.of(), 0, null, null), T)).isEmpty();
        // a threshold of 0 is off
        assertThat(AlertRules.evaluate(full, new Thresholds(Duration.ofMinutes(30), 0, 0))).isEmpty();
    }

    @Test
    void sizesAndDurationsReadAsAPersonSaysThem() {
        assertThat(AlertRules.size(1536)).isEqualTo("1.5 KB");
        assertThat(AlertRules.size(5L << 20)).isEqualTo("5.0 MB");
        assertThat(AlertRules.minutes(Duration.ofMinutes(90))).isEqualTo("1 小时 30 分钟");
        assertThat(AlertRules.minutes(Duration.ofHours(3))).isEqualTo("3 小时");
    }
}
