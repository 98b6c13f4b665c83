package cn.duban.report;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who downloaded what: every export and attachment handed out is recorded here, in the same table the campaign's
 * audit lists (apart from the state changes). Kept beside the reports, not in the audit, so that what records a
 * download does not depend on what reads the whole audit.
 */
@Repository
public class Downloads {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final cn.duban.support.TokenBuckets buckets;

    public Downloads(JdbcClient jdbc, Clock clock, cn.duban.support.DubanProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.buckets = new cn.duban.support.TokenBuckets(settings.downloads().burst(), settings.downloads().perMinute(), clock);
    }

    /**
     * Lets a person's download go ahead, or refuses it (429) when they download faster than
     * {@code duban.downloads.*} allows; asked before the file is read or built, after the person was found allowed.
     */
    public void admit(String user) {
        buckets.take(user).ifPresent(wait -> {
            throw new cn.duban.support.TooManyRequests("下载过于频繁，请于 " + Math.max(1, (wait.toMillis() + 999) / 1000)
                    + " 秒后再试（每人可连续下载 " + buckets.burst() + " 次，之后每分钟 " + buckets.perMinute() + " 次）", wait);
        });
    }

    /** Records a download of an export or an attachment. */
    public void record(String campaignId, String unitCode, String what, String user) {
        jdbc.sql("INSERT INTO duban_download (campaign_id, unit_code, what, downloaded_by, downloaded_at) VALUES (?, ?, ?, ?, ?)")
                .params(campaignId, unitCode, what, user, LocalDateTime.now(clock)).update();
    }
}
