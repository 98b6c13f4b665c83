package cn.duban.series;

import cn.duban.campaign.Periods;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** duban_series_period: a series' periods, and the campaign each became when it was opened. */
@Repository
class SeriesRepository {

    private final JdbcClient jdbc;

    SeriesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A period as stored: the schedule's, and its campaign once opened. */
    record StoredPeriod(String seriesId, int no, String label, LocalDate opens, LocalDate due, YearMonth month,
                        String campaignId, LocalDateTime openedAt) {}

    void insert(String seriesId, Periods.Period p, LocalDate due) {
        jdbc.sql("INSERT INTO duban_series_period (series_id, period_no, label, opens_on, due_date, period_month) VALUES (?, ?, ?, ?, ?, ?)")
                .params(seriesId, p.no(), p.label(), p.opens(), due, p.month().toString()).update();
    }

    private static final String SELECT = """
            SELECT series_id, period_no, label, opens_on, due_date, period_month, campaign_id, opened_at
            FROM duban_series_period""";

    private static StoredPeriod map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredPeriod(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), YearMonth.parse(rs.getString(6)), rs.getString(7), rs.getObject(8, LocalDateTime.class));
    }

    List<StoredPeriod> periods(String seriesId) {
        return jdbc.sql(SELECT + " WHERE series_id = ? ORDER BY period_no").param(seriesId).query(SeriesRepository::map).list();
    }

    /** The period a campaign is, if it is one. */
    Optional<StoredPeriod> periodOf(String campaignId) {
        return jdbc.sql(SELECT + " WHERE campaign_id = ?").param(campaignId).query(SeriesRepository::map).optional();
    }

    /** Records the campaign a period became; false when another node opened it first. */
    boolean markOpened(String seriesId, int no, String campaignId, LocalDateTime at) {
        return jdbc.sql("UPDATE duban_series_period SET campaign_id = ?, opened_at = ? WHERE series_id = ? AND period_no = ? AND campaign_id IS NULL")
                .params(campaignId, at, seriesId, no).update() == 1;
    }

    /** Every period of every series, for the dashboard's list (one reading). */
    List<StoredPeriod> all() {
        return jdbc.sql(SELECT + " ORDER BY series_id, period_no").query(SeriesRepository::map).list();
    }
}
