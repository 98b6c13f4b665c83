package cn.duban.campaign;

import cn.duban.support.BatchReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CampaignRepository {

    private static final String COLUMNS = """
            id, template_code, title, document_number, template_json, status, deadline, deadline_override,
            created_by, created_at, issued_at, closed_at, archived_at, process_instance_id, office_code""";

    private final JdbcClient jdbc;

    /** The deadline of every campaign in this status, by id (one query, no template read). */
    java.util.Map<String, java.time.LocalDate> deadlines(CampaignStatus status) {
        java.util.Map<String, java.time.LocalDate> out = new java.util.HashMap<>();
        jdbc.sql("SELECT id, deadline FROM duban_campaign WHERE status = ?").param(status.name())
                .query((rs, i) -> out.put(rs.getString(1), rs.getObject(2, java.time.LocalDate.class))).list();
        return out;
    }

    /** The titles of these campaigns, by id (one query, no template read). */
    java.util.Map<String, String> titles(java.util.Collection<String> ids) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, title FROM duban_campaign WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, i) -> out.put(rs.getString(1), rs.getString(2))).list();
        }
        return out;
    }

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Campaign c) {
        jdbc.sql("INSERT INTO duban_campaign (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.templateCode(), c.title(), c.documentNumber(), TemplateParser.toJson(c.template()),
                        c.status().name(), c.deadline(), c.deadlineOverride(), c.createdBy(), c.createdAt(),
                        c.issuedAt(), c.closedAt(), c.archivedAt(), c.processInstanceId(), c.officeCode())
                .update();
    }

    Optional<Campaign> find(String id) {
        return BatchReads.read(new CampaignKey(id), () ->
                jdbc.sql("SELECT " + COLUMNS + " FROM duban_campaign WHERE id = ?").param(id).query(this::map).optional());
    }

    /** The key of a campaign's row in a {@link BatchReads} scope. */
    private record CampaignKey(String id) {}

    /** Reads a campaign and locks its row until the transaction ends (state changes are serialized per campaign). */
    Optional<Campaign> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_campaign WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
    }

    List<Campaign> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_campaign ORDER BY created_at DESC").query(this::map).list();
    }

    void updateDraft(String id, String title, String documentNumber, CampaignTemplate template, LocalDate deadlineOverride) {
        BatchReads.forget(new CampaignKey(id));
        jdbc.sql("UPDATE duban_campaign SET title = ?, document_number = ?, template_json = ?, deadline_override = ? WHERE id = ?")
                .params(title, documentNumber, TemplateParser.toJson(template), deadlineOverride, id)
                .update();
    }

    void markDrafted(String id, String by, LocalDateTime at) {
        BatchReads.forget(new CampaignKey(id));
        jdbc.sql("UPDATE duban_campaign SET drafted_by = ?, drafted_at = ? WHERE id = ?").params(by, at, id).update();
    }

    List<CampaignService.Drafted> draftedBy(String user, int limit) {
        return jdbc.sql("""
                SELECT id, title, document_number, status, drafted_at FROM duban_campaign
                WHERE drafted_by = ? ORDER BY drafted_at DESC LIMIT ?""").params(user, limit).query((rs, n) -> new CampaignService.Drafted(
                        rs.getString("id"), rs.getString("title"), rs.getString("document_number"),
                        CampaignStatus.valueOf(rs.getString("status")).label(), rs.getObject("drafted_at", LocalDateTime.class)))
                .list();
    }

    List<CampaignService.Decided> decidedBy(String user, int limit) {
        return jdbc.sql("""
                SELECT d.campaign_id, c.title, d.stage, d.approved, d.comment, d.decided_at
                FROM duban_notice_decision d JOIN duban_campaign c ON c.id = d.campaign_id
                WHERE d.decided_by = ? ORDER BY d.decided_at DESC, d.id DESC LIMIT ?""").params(user, limit).query((rs, n) -> new CampaignService.Decided(
                        rs.getString("campaign_id"), rs.getString("title"),
                        cn.duban.support.Decisions.Stage.valueOf(rs.getString("stage")).step(), rs.getBoolean("approved"),
                        rs.getString("comment"), rs.getObject("decided_at", LocalDateTime.class)))
                .list();
    }

    void updateTemplateVersion(String id, Integer version) {
        jdbc.sql("UPDATE duban_campaign SET template_version = ? WHERE id = ?").params(version, id).update();
    }

    void updateStatus(String id, CampaignStatus status) {
        BatchReads.forget(new CampaignKey(id));
        jdbc.sql("UPDATE duban_campaign SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    void markIssued(String id, LocalDateTime at, LocalDate deadline) {
        BatchReads.forget(new CampaignKey(id));
        jdbc.sql("UPDATE duban_campaign SET status = ?, issued_at = ?, deadline = ? WHERE id = ?")
                .params(CampaignStatus.ISSUED.name(), at, deadline, id).update();
    }

    void markClosed(String id, LocalDateTime at) {
        BatchReads.forget(new CampaignKey(id));
        jdbc.sql("UPDATE duban_campaign SET status = ?, closed_at = ? WHERE id = ?")
                .params(CampaignStatus.CLOSED.name(), at, id).update();
    }

    void markArchived(String id, LocalDateTime at) {
        BatchReads.forget(new CampaignKey(id));
        jdbc.sql("UPDATE duban_campaign SET status = ?, archived_at = ? WHERE id = ?")
                .params(CampaignStatus.ARCHIVED.name(), at, id).update();
    }

    void setProcessInstance(String id, String processInstanceId) {
        BatchReads.forget(new CampaignKey(id));
        jdbc.sql("UPDATE duban_campaign SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    /** Whether any of these units is among the units the campaign went to. */
    boolean reachesAnyOf(String campaignId, List<String> unitCodes) {
        return !unitCodes.isEmpty() && jdbc.sql("SELECT COUNT(*) FROM duban_campaign_unit WHERE campaign_id = :c AND unit_code IN (:u)")
                .param("c", campaignId).param("u", unitCodes).query(Integer.class).single() > 0;
    }

    void insertDecision(String campaignId, String stage, boolean approved, String comment, String by, LocalDateTime at) {
        jdbc.sql("""
                INSERT INTO duban_notice_decision (campaign_id, stage, approved, comment, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(campaignId, stage, approved, comment, by, at).update();
    }

    List<NoticeDecision> decisions(String campaignId) {
        return jdbc.sql("""
                SELECT stage, approved, comment, decided_by, decided_at FROM duban_notice_decision
                WHERE campaign_id = ? ORDER BY id""").param(campaignId).query(NoticeDecision.class).list();
    }

    // ---- the drafter's unfinished notice, one per campaign and drafter, until it is handed on

    record StoredNoticeDraft(String content, LocalDateTime savedAt) {}

    Optional<StoredNoticeDraft> findNoticeDraft(String campaignId, String drafter) {
        return jdbc.sql("SELECT content, saved_at FROM duban_notice_draft WHERE campaign_id = ? AND drafter = ?")
                .params(campaignId, drafter).query(StoredNoticeDraft.class).optional();
    }

    /** Writes the drafter's draft (the caller holds the campaign's row locked, so two saves never race). */
    void saveNoticeDraft(String campaignId, String drafter, String content, LocalDateTime at) {
        if (jdbc.sql("UPDATE duban_notice_draft SET content = ?, saved_at = ? WHERE campaign_id = ? AND drafter = ?")
                .params(content, at, campaignId, drafter).update() == 0) {
            jdbc.sql("INSERT INTO duban_notice_draft (campaign_id, drafter, content, saved_at) VALUES (?, ?, ?, ?)")
                    .params(campaignId, drafter, content, at).update();
        }
    }

    void deleteNoticeDrafts(String campaignId) {
        jdbc.sql("DELETE FROM duban_notice_draft WHERE campaign_id = ?").param(campaignId).update();
    }

    private Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(
                rs.getString("id"),
                rs.getString("template_code"),
                rs.getString("title"),
                rs.getString("document_number"),
                TemplateParser.fromJson(rs.getString("template_json")),
                CampaignStatus.valueOf(rs.getString("status")),
                rs.getObject("deadline", LocalDate.class),
                rs.getObject("deadline_override", LocalDate.class),
                rs.getString("created_by"),
                rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("issued_at", LocalDateTime.class),
                rs.getObject("closed_at", LocalDateTime.class),
                rs.getObject("archived_at", LocalDateTime.class),
                rs.getString("process_instance_id"),
                rs.getString("office_code"));
    }
}
