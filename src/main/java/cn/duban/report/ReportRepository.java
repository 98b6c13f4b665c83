package cn.duban.report;

import cn.duban.support.BatchReads;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** duban_campaign_unit, duban_report, duban_report_value, duban_attachment and duban_report_draft. */
@Repository
class ReportRepository {

    private static final String UNIT_COLUMNS = """
            campaign_id, unit_code, batch_no, status, reporter_user, due_date, signed_at, first_submitted_at,
            last_submitted_at, approved_at, return_count, current_version, process_instance_id""";
    private static final String REPORT_COLUMNS = """
            id, campaign_id, unit_code, version, status, summary, note, submitted_by, submitted_at,
            reviewed_by, reviewed_at, review_comment, new_due_date, carried_over, zero_report""";
    private static final String ATTACHMENT_COLUMNS = """
            id, report_id, kind, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at""";

    private final JdbcClient jdbc;

    long storedBytes() {
        return jdbc.sql("SELECT COALESCE(SUM(attachment_bytes), 0) FROM duban_campaign_storage").query(Long.class).single();
    }
    private final JdbcTemplate jdbcTemplate;

    ReportRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    // ---- campaign units

    /** Inserts the campaign's unit rows in JDBC batches; unit codes are numbered into batches of {@code batchSize}. */
    void setDueDates(String campaignId, List<String> unitCodes, LocalDate dueDate) {
        for (List<String> piece : cn.duban.support.InLists.of(unitCodes)) {
            jdbc.sql("UPDATE duban_campaign_unit SET due_date = :due WHERE campaign_id = :c AND unit_code IN (:codes)")
                    .param("due", dueDate).param("c", campaignId).param("codes", piece).update();
        }
    }

    void insertUnits(String campaignId, List<String> unitCodes, Map<String, String> reportsTo, LocalDate dueDate, int batchSize) {
        List<Object[]> args = new ArrayList<>(unitCodes.size());
        for (int i = 0; i < unitCodes.size(); i++) {
            args.add(new Object[] {campaignId, unitCodes.get(i), i / batchSize, UnitStatus.NOT_SIGNED.name(), dueDate,
                    reportsTo.get(unitCodes.get(i))});
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO duban_campaign_unit (campaign_id, unit_code, batch_no, status, due_date, reports_to)
                VALUES (?, ?, ?, ?, ?, ?)""", args);
        ensureCampaignStorage(campaignId);
    }

    /** The campaign's running total of uploaded bytes, created once (at enrolment) at zero. */
    void ensureCampaignStorage(String campaignId) {
        jdbc.sql("""
                INSERT INTO duban_campaign_storage (campaign_id, attachment_bytes)
                SELECT ?, 0 WHERE NOT EXISTS (SELECT 1 FROM duban_campaign_storage WHERE campaign_id = ?)""")
                .params(campaignId, campaignId).update();
    }

    /** The intermediate the unit reports to in the campaign, as fixed at enrolment; null when none. */
    String reportsTo(String campaignId, String unitCode) {
        return jdbc.sql("SELECT reports_to FROM duban_campaign_unit WHERE campaign_id = ? AND unit_code = ?")
                .params(campaignId, unitCode).query(String.class).optional().orElse(null);
    }

    /** Member → intermediate for those of these units that report to one. */
    Map<String, String> reportsTo(String campaignId, java.util.Collection<String> unitCodes) {
        Map<String, String> out = new java.util.HashMap<>();
        for (List<String> piece : cn.duban.support.InLists.of(List.copyOf(unitCodes))) {
            jdbc.sql("""
                    SELECT unit_code, reports_to FROM duban_campaign_unit
                    WHERE campaign_id = :c AND unit_code IN (:codes) AND reports_to IS NOT NULL""")
                    .param("c", campaignId).param("codes", piece)
                    .query((rs, i) -> out.put(rs.getString(1), rs.getString(2))).list();
        }
        return out;
    }

    /** The units that report to this one in the campaign, by code. */
    List<String> membersReportingTo(String campaignId, String unitCode) {
        return jdbc.sql("SELECT unit_code FROM duban_campaign_unit WHERE campaign_id = ? AND reports_to = ? ORDER BY unit_code")
                .params(campaignId, unitCode).query(String.class).list();
    }

    int countUnits(String campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM duban_campaign_unit WHERE campaign_id = ?").param(campaignId).query(Integer.class).single();
    }

    /**
     * The batch's units that have no report instance yet, in unit-code order; in an open {@link BatchReads}
     * scope their rows stay there for the reads that follow.
     */
    List<UnitReport> undistributedInBatch(String campaignId, int batchNo) {
        List<UnitReport> rows = jdbc.sql("SELECT " + UNIT_COLUMNS + """
                 FROM duban_campaign_unit
                WHERE campaign_id = ? AND batch_no = ? AND process_instance_id IS NULL AND status <> ? ORDER BY unit_code""")
                .params(campaignId, batchNo, UnitStatus.WITHDRAWN.name()).query(this::mapUnit).list();
        rows.forEach(u -> BatchReads.preload(new UnitKey(campaignId, u.unitCode()), u));
        return rows;
    }

    /** The key of a campaign unit's row in a {@link BatchReads} scope. */
    private record UnitKey(String campaignId, String unitCode) {}

    /** Records the report instances of a batch's units (unit code → instance id) in one JDBC batch. */
    void setProcessInstances(String campaignId, Map<String, String> instanceByUnit) {
        List<Object[]> args = new ArrayList<>(instanceByUnit.size());
        instanceByUnit.forEach((unitCode, pid) -> {
            BatchReads.forget(new UnitKey(campaignId, unitCode));
            args.add(new Object[] {pid, campaignId, unitCode});
        });
        jdbcTemplate.batchUpdate("UPDATE duban_campaign_unit SET process_instance_id = ? WHERE campaign_id = ? AND unit_code = ?", args);
    }

    Optional<UnitReport> findUnit(String campaignId, String unitCode) {
        return BatchReads.read(new UnitKey(campaignId, unitCode), () ->
                jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM duban_campaign_unit WHERE campaign_id = ? AND unit_code = ?")
                        .params(campaignId, unitCode).query(this::mapUnit).optional());
    }

    Optional<UnitReport> lockUnit(String campaignId, String unitCode) {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM duban_campaign_unit WHERE campaign_id = ? AND unit_code = ? FOR UPDATE")
                .params(campaignId, unitCode).query(this::mapUnit).optional();
    }

    List<UnitReport> units(String campaignId) {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM duban_campaign_unit WHERE campaign_id = ? ORDER BY unit_code")
                .param(campaignId).query(this::mapUnit).list();
    }

    void markSigned(String campaignId, String unitCode, String reporter, LocalDateTime at) {
        BatchReads.forget(new UnitKey(campaignId, unitCode));
        jdbc.sql("""
                UPDATE duban_campaign_unit SET status = ?, reporter_user = ?, signed_at = ?
                WHERE campaign_id = ? AND unit_code = ?""")
                .params(UnitStatus.IN_PROGRESS.name(), reporter, at, campaignId, unitCode).update();
    }

    void updateUnitStatus(String campaignId, String unitCode, UnitStatus status) {
        BatchReads.forget(new UnitKey(campaignId, unitCode));
        jdbc.sql("UPDATE duban_campaign_unit SET status = ? WHERE campaign_id = ? AND unit_code = ?")
                .params(status.name(), campaignId, unitCode).update();
    }

    void markVersion(String campaignId, String unitCode, int version, UnitStatus status) {
        BatchReads.forget(new UnitKey(campaignId, unitCode));
        jdbc.sql("UPDATE duban_campaign_unit SET current_version = ?, status = ? WHERE campaign_id = ? AND unit_code = ?")
                .params(version, status.name(), campaignId, unitCode).update();
    }

    /** A unit that missed a period: the version carried over from the period {@code from} stands for it. */
    void markCarried(long reportId, String campaignId, String unitCode, int version, String from) {
        BatchReads.forget(new UnitKey(campaignId, unitCode));
        jdbc.sql("UPDATE duban_report SET carried_over = TRUE WHERE id = ?").param(reportId).update();
        jdbc.sql("UPDATE duban_campaign_unit SET current_version = ?, carried_from = ? WHERE campaign_id = ? AND unit_code = ?")
                .params(version, from, campaignId, unitCode).update();
    }

    void markSubmitted(String campaignId, String unitCode, LocalDateTime at) {
        BatchReads.forget(new UnitKey(campaignId, unitCode));
        jdbc.sql("""
                UPDATE duban_campaign_unit SET status = ?, last_submitted_at = ?,
                       first_submitted_at = COALESCE(first_submitted_at, ?)
                WHERE campaign_id = ? AND unit_code = ?""")
                .params(UnitStatus.SUBMITTED.name(), at, at, campaignId, unitCode).update();
    }

    void markApproved(String campaignId, String unitCode, LocalDateTime at) {
        BatchReads.forget(new UnitKey(campaignId, unitCode));
        jdbc.sql("UPDATE duban_campaign_unit SET status = ?, approved_at = ? WHERE campaign_id = ? AND unit_code = ?")
                .params(UnitStatus.APPROVED.name(), at, campaignId, unitCode).update();
    }

    void markReturned(String campaignId, String unitCode, LocalDate newDueDate) {
        BatchReads.forget(new UnitKey(campaignId, unitCode));
        jdbc.sql("""
                UPDATE duban_campaign_unit SET status = ?, due_date = ?, return_count = return_count + 1
                WHERE campaign_id = ? AND unit_code = ?""")
                .params(UnitStatus.RETURNED.name(), newDueDate, campaignId, unitCode).update();
    }

    /** The units still to be approved: a withdrawn unit is not awaited. */
    int countNotApproved(String campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM duban_campaign_unit WHERE campaign_id = ? AND status NOT IN (?, ?)")
                .params(campaignId, UnitStatus.APPROVED.name(), UnitStatus.WITHDRAWN.name()).query(Integer.class).single();
    }

    /** Records a unit's withdrawal from the campaign and marks its row so. */
    void withdraw(String campaignId, String unitCode, UnitStatus before, String reason, String by, LocalDateTime at) {
        BatchReads.forget(new UnitKey(campaignId, unitCode));
        jdbc.sql("""
                INSERT INTO duban_unit_withdrawal (campaign_id, unit_code, status_before, reason, withdrawn_by, withdrawn_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(campaignId, unitCode, before.name(), reason, by, at).update();
        jdbc.sql("UPDATE duban_campaign_unit SET status = ? WHERE campaign_id = ? AND unit_code = ?")
                .params(UnitStatus.WITHDRAWN.name(), campaignId, unitCode).update();
    }

    Optional<Withdrawal> withdrawal(String campaignId, String unitCode) {
        return jdbc.sql("""
                SELECT unit_code, status_before, reason, withdrawn_by, withdrawn_at FROM duban_unit_withdrawal
                WHERE campaign_id = ? AND unit_code = ?""").params(campaignId, unitCode).query(ReportRepository::mapWithdrawal).optional();
    }

    void insertLateAddition(String campaignId, LateAddition a) {
        jdbc.sql("""
                INSERT INTO duban_late_addition (campaign_id, unit_code, due_date, reason, added_by, added_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(campaignId, a.unitCode(), a.dueDate(), a.reason(), a.addedBy(), a.addedAt()).update();
    }

    List<LateAddition> lateAdditions(String campaignId) {
        return jdbc.sql("""
                SELECT unit_code, due_date, reason, added_by, added_at FROM duban_late_addition
                WHERE campaign_id = ? ORDER BY added_at""").param(campaignId)
                .query((rs, i) -> new LateAddition(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class))).list();
    }

    boolean enrolled(String campaignId, String unitCode) {
        return jdbc.sql("SELECT COUNT(*) FROM duban_campaign_unit WHERE campaign_id = ? AND unit_code = ?")
                .params(campaignId, unitCode).query(Integer.class).single() > 0;
    }

    java.util.Set<String> enrolledCodes(String campaignId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT unit_code FROM duban_campaign_unit WHERE campaign_id = ?")
                .param(campaignId).query(String.class).list());
    }

    List<Withdrawal> withdrawals(String campaignId) {
        return jdbc.sql("""
                SELECT unit_code, status_before, reason, withdrawn_by, withdrawn_at FROM duban_unit_withdrawal
                WHERE campaign_id = ? ORDER BY withdrawn_at""").param(campaignId).query(ReportRepository::mapWithdrawal).list();
    }

    private static Withdrawal mapWithdrawal(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Withdrawal(rs.getString(1), UnitStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDateTime.class));
    }

    /** Units that still owe a report, with their process instance (to end it when the campaign closes). */
    List<UnitReport> owing(String campaignId) {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM duban_campaign_unit WHERE campaign_id = ? AND status IN (?, ?, ?)")
                .params(campaignId, UnitStatus.NOT_SIGNED.name(), UnitStatus.IN_PROGRESS.name(), UnitStatus.RETURNED.name())
                .query(this::mapUnit).list();
    }

    // ---- report versions

    long insertReport(String campaignId, String unitCode, int version, ReportStatus status, String summary,
                             String note, String by, LocalDateTime at) {
        return insertReport(campaignId, unitCode, version, status, summary, note, by, at, false);
    }

    long insertReport(String campaignId, String unitCode, int version, ReportStatus status, String summary,
                      String note, String by, LocalDateTime at, boolean zeroReport) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO duban_report (campaign_id, unit_code, version, status, summary, note, submitted_by, submitted_at, zero_report)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, unitCode, version, status.name(), summary, note, by, at, zeroReport)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Whether the unit's current version is a 零报告 (every list labels it so). */
    void markZero(String campaignId, String unitCode, boolean zeroReport) {
        BatchReads.forget(new UnitKey(campaignId, unitCode));
        jdbc.sql("UPDATE duban_campaign_unit SET zero_report = ? WHERE campaign_id = ? AND unit_code = ?")
                .params(zeroReport, campaignId, unitCode).update();
    }

    void insertValues(long reportId, Map<String, BigDecimal> values) {
        List<Object[]> args = new ArrayList<>();
        values.forEach((code, v) -> args.add(new Object[] {reportId, code, v}));
        jdbcTemplate.batchUpdate("INSERT INTO duban_report_value (report_id, indicator_code, amount) VALUES (?, ?, ?)", args);
    }

    void insertTexts(long reportId, Map<String, String> texts) {
        List<Object[]> args = new ArrayList<>();
        texts.forEach((cell, v) -> args.add(new Object[] {reportId, cell, v}));
        jdbcTemplate.batchUpdate("INSERT INTO duban_report_text (report_id, cell_code, text_value) VALUES (?, ?, ?)", args);
    }

    void review(long reportId, ReportStatus status, String by, LocalDateTime at, String comment, LocalDate newDueDate) {
        jdbc.sql("""
                UPDATE duban_report SET status = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ?, new_due_date = ?
                WHERE id = ?""")
                .params(status.name(), by, at, comment, newDueDate, reportId).update();
    }

    void updateReportStatus(long reportId, ReportStatus status) {
        jdbc.sql("UPDATE duban_report SET status = ? WHERE id = ?").params(status.name(), reportId).update();
    }

    Optional<ReportVersion> findVersion(String campaignId, String unitCode, int version) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM duban_report WHERE campaign_id = ? AND unit_code = ? AND version = ?")
                .params(campaignId, unitCode, version).query(this::mapReport).optional();
    }

    List<ReportVersion> versions(String campaignId, String unitCode) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM duban_report WHERE campaign_id = ? AND unit_code = ? ORDER BY version DESC")
                .params(campaignId, unitCode).query(this::mapReport).list();
    }

    // ---- attachments

    /**
     * An uploaded file, staged: for the unit's next report, or (with an item) for its contribution to that item. Its
     * bytes follow in chunks ({@link #insertChunk}).
     */
    long insertAttachment(String campaignId, String unitCode, String kind, String itemCode, String filename, String contentType,
                          long size, String sha256, String by, LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO duban_attachment (campaign_id, unit_code, kind, item_code, filename, content_type, size_bytes, sha256,
                                              uploaded_by, uploaded_at, content_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')""")
                .params(campaignId, unitCode, kind, itemCode, filename, contentType, size, sha256, by, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Where the file's bytes now live ({@link ContentStore}'s key), once they are stored. */
    void setContentKey(long attachmentId, String key) {
        jdbc.sql("UPDATE duban_attachment SET content_key = ? WHERE id = ?").params(key, attachmentId).update();
    }

    /** Where the file's bytes live, by its row. */
    Optional<String> contentKey(long attachmentId) {
        return jdbc.sql("SELECT content_key FROM duban_attachment WHERE id = ?").param(attachmentId).query(String.class).optional();
    }

    /** Whether a row other than this one keeps its bytes under the key (a file kept into a later version). */
    boolean keySharedBeyond(String key, long attachmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM duban_attachment WHERE content_key = ? AND id <> ?").params(key, attachmentId)
                .query(Long.class).single() > 0;
    }

    /** Every key of the file store that a row keeps, for the sweep of files no row knows. */
    java.util.Set<String> fileKeys() {
        return new java.util.HashSet<>(jdbc.sql("SELECT content_key FROM duban_attachment WHERE content_key LIKE 'file:%'")
                .query(String.class).list());
    }

    /** Removes chunks {@code from} (inclusive) to {@code to} (exclusive) of a file stored in the database. */
    int deleteChunks(long attachmentId, int from, int to) {
        return jdbc.sql("DELETE FROM duban_attachment_chunk WHERE attachment_id = ? AND chunk_no >= ? AND chunk_no < ?")
                .params(attachmentId, from, to).update();
    }

    /** The number of chunks past the given one, to know when a removal is done. */
    boolean hasChunksFrom(long attachmentId, int from) {
        return jdbc.sql("SELECT COUNT(*) FROM duban_attachment_chunk WHERE attachment_id = ? AND chunk_no >= ?")
                .params(attachmentId, from).query(Long.class).single() > 0;
    }

    // ---- what a unit and a campaign have uploaded (quotas)

    /**
     * Adds to the unit's running total of uploaded bytes. The update locks the unit's row until the transaction ends
     * (in PostgreSQL a lock that a concurrent insert of an attachment, which only shares the row's key, does not
     * wait for): every upload of the unit checks its limits after this, one at a time.
     */
    int addUnitBytes(String campaignId, String unitCode, long bytes) {
        return jdbc.sql("UPDATE duban_campaign_unit SET attachment_bytes = attachment_bytes + ? WHERE campaign_id = ? AND unit_code = ?")
                .params(bytes, campaignId, unitCode).update();
    }

    /** The unit's uploaded bytes and its files not yet handed in (for a report or a contribution). */
    record Usage(long bytes, int staged) {}

    Usage unitUsage(String campaignId, String unitCode) {
        long bytes = jdbc.sql("SELECT attachment_bytes FROM duban_campaign_unit WHERE campaign_id = ? AND unit_code = ?")
                .params(campaignId, unitCode).query(Long.class).optional().orElse(0L);
        int staged = jdbc.sql("""
                SELECT COUNT(*) FROM duban_attachment WHERE campaign_id = ? AND unit_code = ?
                   AND report_id IS NULL AND contribution_id IS NULL AND removed_at IS NULL""")
                .params(campaignId, unitCode).query(Integer.class).single();
        return new Usage(bytes, staged);
    }

    /** Adds to the campaign's running total, locking its row until the transaction ends; 0 when it has none. */
    int addCampaignBytes(String campaignId, long bytes) {
        return jdbc.sql("UPDATE duban_campaign_storage SET attachment_bytes = attachment_bytes + ? WHERE campaign_id = ?")
                .params(bytes, campaignId).update();
    }

    long campaignBytes(String campaignId) {
        return jdbc.sql("SELECT attachment_bytes FROM duban_campaign_storage WHERE campaign_id = ?").param(campaignId)
                .query(Long.class).optional().orElse(0L);
    }

    void insertChunk(long attachmentId, int no, byte[] bytes) {
        jdbc.sql("INSERT INTO duban_attachment_chunk (attachment_id, chunk_no, bytes) VALUES (?, ?, ?)")
                .params(attachmentId, no, bytes).update();
    }

    /** One chunk of a file's bytes; null past its last. */
    byte[] chunk(long attachmentId, int no) {
        return jdbc.sql("SELECT bytes FROM duban_attachment_chunk WHERE attachment_id = ? AND chunk_no = ?").params(attachmentId, no)
                .query((rs, i) -> rs.getBytes(1)).optional().orElse(null);
    }

    List<AttachmentInfo> staged(String campaignId, String unitCode) {
        return jdbc.sql("SELECT " + ATTACHMENT_COLUMNS + " FROM duban_attachment WHERE campaign_id = ? AND unit_code = ?"
                        + " AND report_id IS NULL AND item_code IS NULL AND removed_at IS NULL ORDER BY id")
                .params(campaignId, unitCode).query(AttachmentInfo.class).list();
    }

    /** The files a unit has staged for its contributions not yet sent, by item. */
    Map<String, List<AttachmentInfo>> stagedForItems(String campaignId, String unitCode) {
        Map<String, List<AttachmentInfo>> out = new LinkedHashMap<>();
        jdbc.sql("SELECT item_code, " + ATTACHMENT_COLUMNS + " FROM duban_attachment WHERE campaign_id = ? AND unit_code = ?"
                        + " AND item_code IS NOT NULL AND contribution_id IS NULL AND removed_at IS NULL ORDER BY id")
                .params(campaignId, unitCode)
                .query((rs, i) -> out.computeIfAbsent(rs.getString("item_code"), k -> new ArrayList<>()).add(attachment(rs))).list();
        return out;
    }

    /** Binds the unit's staged files for an item to its contribution, once sent. */
    int bindToContribution(String campaignId, String unitCode, String itemCode, long contributionId) {
        return jdbc.sql("UPDATE duban_attachment SET contribution_id = ? WHERE campaign_id = ? AND unit_code = ? AND item_code = ?"
                        + " AND contribution_id IS NULL AND report_id IS NULL AND removed_at IS NULL")
                .params(contributionId, campaignId, unitCode, itemCode).update();
    }

    /** The files sent with these contributions, by contribution. */
    Map<Long, List<AttachmentInfo>> contributionFiles(List<Long> contributionIds) {
        Map<Long, List<AttachmentInfo>> out = new LinkedHashMap<>();
        if (contributionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT contribution_id, " + ATTACHMENT_COLUMNS + " FROM duban_attachment WHERE contribution_id IN (:ids) ORDER BY id")
                .param("ids", contributionIds)
                .query((rs, i) -> out.computeIfAbsent(rs.getLong("contribution_id"), k -> new ArrayList<>()).add(attachment(rs))).list();
        return out;
    }

    List<AttachmentInfo> attachmentsOf(long reportId) {
        return jdbc.sql("SELECT " + ATTACHMENT_COLUMNS + " FROM duban_attachment WHERE report_id = ? ORDER BY id")
                .param(reportId).query(AttachmentInfo.class).list();
    }

    int bindStaged(String campaignId, String unitCode, long reportId) {
        return jdbc.sql("UPDATE duban_attachment SET report_id = ? WHERE campaign_id = ? AND unit_code = ? AND report_id IS NULL"
                        + " AND item_code IS NULL AND removed_at IS NULL")
                .params(reportId, campaignId, unitCode).update();
    }

    /**
     * A file kept from the previous version: a row of the new version's own (versions never share rows) that keeps its
     * bytes where the earlier row keeps them — a handed-in file is never removed, so its bytes outlive neither row.
     */
    void copyAttachment(long attachmentId, long toReportId) {
        jdbc.sql("""
                INSERT INTO duban_attachment (campaign_id, unit_code, report_id, kind, filename, content_type, size_bytes,
                                              sha256, uploaded_by, uploaded_at, content_key)
                SELECT campaign_id, unit_code, ?, kind, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at,
                       content_key
                FROM duban_attachment WHERE id = ?""")
                .params(toReportId, attachmentId).update();
    }

    /** Where an attachment belongs: campaign id and unit code, for access checks. */
    Optional<AttachmentOwner> attachmentOwner(long id) {
        return jdbc.sql("SELECT id, campaign_id, unit_code, report_id, filename, content_type, item_code, contribution_id, size_bytes"
                        + " FROM duban_attachment WHERE id = ? AND removed_at IS NULL")
                .param(id).query(AttachmentOwner.class).optional();
    }

    record AttachmentOwner(long id, String campaignId, String unitCode, Long reportId, String filename, String contentType,
                           String itemCode, Long contributionId, long sizeBytes) {}

    /** A staged file the unit removes: gone from every list at once; its bytes and row are purged after the commit. */
    Optional<Removed> markRemoved(long id, LocalDateTime at) {
        Optional<Removed> row = jdbc.sql("""
                SELECT id, campaign_id, unit_code, size_bytes, content_key FROM duban_attachment
                WHERE id = ? AND report_id IS NULL AND contribution_id IS NULL AND removed_at IS NULL""")
                .param(id).query(Removed.class).optional();
        if (row.isPresent() && jdbc.sql("""
                UPDATE duban_attachment SET removed_at = ?
                WHERE id = ? AND report_id IS NULL AND contribution_id IS NULL AND removed_at IS NULL""").params(at, id).update() == 0) {
            return Optional.empty();
        }
        return row;
    }

    record Removed(long id, String campaignId, String unitCode, long sizeBytes, String contentKey) {}

    /** The rows removed whose bytes are not purged yet (a node stopped in between). */
    List<Removed> removed() {
        return jdbc.sql("SELECT id, campaign_id, unit_code, size_bytes, content_key FROM duban_attachment WHERE removed_at IS NOT NULL")
                .query(Removed.class).list();
    }

    /** The last of a removed file: its row, once its bytes are gone. */
    int deleteRemoved(long id) {
        return jdbc.sql("DELETE FROM duban_attachment WHERE id = ? AND removed_at IS NOT NULL").param(id).update();
    }

    // ---- mapping

    private static AttachmentInfo attachment(ResultSet rs) throws SQLException {
        return new AttachmentInfo(rs.getLong("id"), rs.getObject("report_id", Long.class), rs.getString("kind"), rs.getString("filename"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", LocalDateTime.class));
    }

    private UnitReport mapUnit(ResultSet rs, int row) throws SQLException {
        return new UnitReport(
                rs.getString("campaign_id"), rs.getString("unit_code"), rs.getInt("batch_no"),
                UnitStatus.valueOf(rs.getString("status")), rs.getString("reporter_user"),
                rs.getObject("due_date", LocalDate.class), rs.getObject("signed_at", LocalDateTime.class),
                rs.getObject("first_submitted_at", LocalDateTime.class), rs.getObject("last_submitted_at", LocalDateTime.class),
                rs.getObject("approved_at", LocalDateTime.class), rs.getInt("return_count"), rs.getInt("current_version"),
                rs.getString("process_instance_id"));
    }

    private ReportVersion mapReport(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        jdbc.sql("SELECT indicator_code, amount FROM duban_report_value WHERE report_id = ?").param(id)
                .query((r, i) -> values.put(r.getString(1), r.getBigDecimal(2))).list();
        Map<String, String> texts = new LinkedHashMap<>();
        jdbc.sql("SELECT cell_code, text_value FROM duban_report_text WHERE report_id = ?").param(id)
                .query((r, i) -> texts.put(r.getString(1), r.getString(2))).list();
        return new ReportVersion(
                id, rs.getString("campaign_id"), rs.getString("unit_code"), rs.getInt("version"),
                ReportStatus.valueOf(rs.getString("status")), rs.getString("summary"), rs.getString("note"),
                rs.getString("submitted_by"), rs.getObject("submitted_at", LocalDateTime.class),
                rs.getString("reviewed_by"), rs.getObject("reviewed_at", LocalDateTime.class),
                rs.getString("review_comment"), rs.getObject("new_due_date", LocalDate.class),
                values, texts, attachmentsOf(id), rs.getBoolean("carried_over"), rs.getBoolean("zero_report"));
    }

    // ---- what a person has done: 已办

    /** One version in a list of done work, without its figures and files. */
    record DoneRow(String campaignId, String unitCode, int version, ReportStatus status, String submittedBy,
                   LocalDateTime submittedAt, String reviewedBy, LocalDateTime reviewedAt, String reviewComment) {}

    private static final String DONE_COLUMNS = """
            campaign_id, unit_code, version, status, submitted_by, submitted_at, reviewed_by, reviewed_at, review_comment""";

    /** The versions these units handed in, newest first. */
    List<DoneRow> handedInBy(List<String> unitCodes, int limit) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + DONE_COLUMNS + " FROM duban_report WHERE unit_code IN (:units) ORDER BY submitted_at DESC"
                        + " FETCH FIRST :limit ROWS ONLY")
                .param("units", unitCodes).param("limit", limit).query(DoneRow.class).list();
    }

    /** The versions this person reviewed (as the section or as the unit's head), newest first. */
    List<DoneRow> reviewedBy(String user, int limit) {
        return jdbc.sql("SELECT " + DONE_COLUMNS + " FROM duban_report WHERE reviewed_by = :user ORDER BY reviewed_at DESC"
                        + " FETCH FIRST :limit ROWS ONLY")
                .param("user", user).param("limit", limit).query(DoneRow.class).list();
    }

    // ---- drafts: the unfinished report, one per unit and campaign, until it is handed in

    record Draft(String content, String savedBy, LocalDateTime savedAt) {}

    Optional<Draft> findDraft(String campaignId, String unitCode) {
        return jdbc.sql("SELECT content, saved_by, saved_at FROM duban_report_draft WHERE campaign_id = ? AND unit_code = ?")
                .params(campaignId, unitCode).query(Draft.class).optional();
    }

    /** Writes the unit's draft (the caller holds the unit's row locked, so two saves never race). */
    void saveDraft(String campaignId, String unitCode, String content, String by, LocalDateTime at) {
        int n = jdbc.sql("UPDATE duban_report_draft SET content = ?, saved_by = ?, saved_at = ? WHERE campaign_id = ? AND unit_code = ?")
                .params(content, by, at, campaignId, unitCode).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO duban_report_draft (campaign_id, unit_code, content, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)")
                    .params(campaignId, unitCode, content, by, at).update();
        }
    }

    void deleteDraft(String campaignId, String unitCode) {
        jdbc.sql("DELETE FROM duban_report_draft WHERE campaign_id = ? AND unit_code = ?").params(campaignId, unitCode).update();
    }
}
