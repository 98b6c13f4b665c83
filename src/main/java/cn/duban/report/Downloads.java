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

    public Downloads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a download of an export or an attachment. */
    public void record(String campaignId, String unitCode, String what, String user) {
        jdbc.sql("INSERT INTO duban_download (campaign_id, unit_code, what, downloaded_by, downloaded_at) VALUES (?, ?, ?, ?, ?)")
                .params(campaignId, unitCode, what, user, LocalDateTime.now(clock)).update();
    }
}
