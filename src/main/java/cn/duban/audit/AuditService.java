package cn.duban.audit;

import cn.duban.campaign.Campaign;
import cn.duban.process.TaskTitles;
import cn.duban.campaign.CampaignService;
import cn.duban.process.CampaignProcess;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's audit listing, merged from duban's tables (decisions, versions and reviews, contributions,
 * urges, downloads) and Camunda's history (who completed which task, when).
 */
@Service
@Transactional
public class AuditService {

    /** The delete reason the engine gives a task that was completed (a task ended any other way was done by nobody). */
    static final String COMPLETED = "completed";

    private final CampaignService campaigns;
    private final HistoryService historyService;
    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditService(CampaignService campaigns, HistoryService historyService, JdbcClient jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.historyService = historyService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The page of the campaign's audit the query asks for. */
    @Transactional(readOnly = true)
    public AuditQuery.Page list(String campaignId, AuditQuery query) {
        return query.apply(entries(campaignId, query.wantsDownloads()));
    }

    private List<AuditEntry> entries(String campaignId, boolean downloads) {
        Campaign c = campaigns.get(campaignId);
        List<AuditEntry> out = new ArrayList<>();
        out.add(new AuditEntry(c.createdAt(), c.createdBy(), "创建活动草稿（模板 " + c.templateCode() + "）", null, "发起督办活动"));
        campaigns.decisions(campaignId).forEach(d -> out.add(new AuditEntry(d.decidedAt(), d.decidedBy(),
                cn.duban.support.Decisions.Stage.valueOf(d.stage()).label() + (d.approved() ? "通过" : "退回") + (d.comment() == null ? "" : "：" + d.comment()),
                null, cn.duban.support.Decisions.Stage.valueOf(d.stage()).step())));
        if (c.issuedAt() != null) {
            out.add(new AuditEntry(c.issuedAt(), "system", "印发通知，报送截止 " + c.deadline(), null, "印发通知"));
        }
        if (c.closedAt() != null) {
            out.add(new AuditEntry(c.closedAt(), "system", "结束征集", null, "结束征集"));
        }
        if (c.archivedAt() != null) {
            out.add(new AuditEntry(c.archivedAt(), "system", "归档活动", null, "归档活动"));
        }
        jdbc.sql("""
                SELECT unit_code, version, status, submitted_by, submitted_at, reviewed_by, reviewed_at, review_comment, new_due_date
                FROM duban_report WHERE campaign_id = ? ORDER BY id""").param(campaignId).query((rs, i) -> {
                    String unit = rs.getString(1);
                    int version = rs.getInt(2);
                    out.add(new AuditEntry(rs.getObject(5, LocalDateTime.class), rs.getString(4), "报送第 " + version + " 版", unit, "填报并报送统计表"));
                    if (rs.getObject(7) != null) {
                        String status = rs.getString(3);
                        String what = switch (status) {
                            case "APPROVED" -> "审核通过第 " + version + " 版";
                            case "RETURNED" -> "退回第 " + version + " 版：" + rs.getString(8) + "，新期限 " + rs.getObject(9);
                            case "HEAD_RETURNED" -> "单位负责人退回第 " + version + " 版：" + rs.getString(8);
                            default -> status + " 第 " + version + " 版";
                        };
                        out.add(new AuditEntry(rs.getObject(7, LocalDateTime.class), rs.getString(6), what, unit,
                                status.startsWith("HEAD") ? "单位负责人审批" : "审核报送"));
                    }
                    return null;
                }).list();
        jdbc.sql("SELECT from_unit, item_code, submitted_by, submitted_at FROM duban_contribution WHERE campaign_id = ?")
                .param(campaignId).query((rs, i) -> out.add(new AuditEntry(rs.getObject(4, LocalDateTime.class), rs.getString(3),
                        "报送第 " + rs.getString(2) + " 项配合情况", rs.getString(1), "向牵头单位报送配合情况"))).list();
        jdbc.sql("SELECT unit_code, reason, withdrawn_by, withdrawn_at FROM duban_unit_withdrawal WHERE campaign_id = ?")
                .param(campaignId).query((rs, i) -> out.add(new AuditEntry(rs.getObject(4, LocalDateTime.class), rs.getString(3),
                        "撤销该单位的报送：" + rs.getString(2), rs.getString(1), "撤销报送"))).list();
        jdbc.sql("SELECT unit_code, due_date, reason, added_by, added_at FROM duban_late_addition WHERE campaign_id = ?")
                .param(campaignId).query((rs, i) -> out.add(new AuditEntry(rs.getObject(5, LocalDateTime.class), rs.getString(4),
                        "补发通知，报送期限 " + rs.getObject(2, java.time.LocalDate.class) + (rs.getString(3) == null ? "" : "：" + rs.getString(3)),
                        rs.getString(1), "补发"))).list();
        jdbc.sql("SELECT unit_code, note, urged_by, urged_at FROM duban_urge WHERE campaign_id = ?")
                .param(campaignId).query((rs, i) -> out.add(new AuditEntry(rs.getObject(4, LocalDateTime.class), rs.getString(3),
                        "催办" + (rs.getString(2) == null ? "" : "：" + rs.getString(2)), rs.getString(1), "跟踪报送进度"))).list();
        if (downloads) {
            jdbc.sql("SELECT unit_code, what, downloaded_by, downloaded_at FROM duban_download WHERE campaign_id = ?")
                    .param(campaignId).query((rs, i) -> out.add(new AuditEntry(rs.getObject(4, LocalDateTime.class), rs.getString(3),
                            "下载 " + rs.getString(2), rs.getString(1), null, true))).list();
        }
        // who completed which task, from the engine's history: three queries whatever the number of units
        List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
                .processVariableValueEquals(CampaignProcess.CAMPAIGN_ID.name(), campaignId).finished().list();
        Map<String, String> businessKeys = new HashMap<>();
        historyService.createHistoricProcessInstanceQuery().variableValueEquals(CampaignProcess.CAMPAIGN_ID.name(), campaignId)
                .list().forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
        Map<String, String> completedBy = new HashMap<>();
        historyService.createUserOperationLogQuery().entityType(EntityTypes.TASK)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .afterTimestamp(java.util.Date.from(c.createdAt().minusMinutes(1).atZone(clock.getZone()).toInstant()))
                .list().forEach(e -> {
                    if (e.getTaskId() != null && e.getUserId() != null) {
                        completedBy.putIfAbsent(e.getTaskId(), e.getUserId());
                    }
                });
        for (HistoricTaskInstance t : tasks) {
            if (!COMPLETED.equals(t.getDeleteReason())) {
                continue; // ended by the campaign's close or a unit's withdrawal, not done by anyone: duban's own rows say why
            }
            String key = businessKeys.get(t.getProcessInstanceId());
            String unit = key != null && key.startsWith(campaignId + ":") ? key.substring(campaignId.length() + 1) : null;
            // the user operation log knows who completed a task, even one completed without being claimed
            String who = completedBy.getOrDefault(t.getId(), t.getAssignee() == null ? "—" : t.getAssignee());
            out.add(new AuditEntry(local(t.getEndTime()), who, "办结任务“" + TaskTitles.step(t.getName()) + "”", unit,
                    TaskTitles.step(t.getName())));
        }
        return out;
    }

    private LocalDateTime local(Date d) {
        return d == null ? null : LocalDateTime.ofInstant(d.toInstant(), clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone());
    }
}
