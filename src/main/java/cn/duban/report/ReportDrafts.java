package cn.duban.report;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.FigureRules;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit's unfinished report, kept on the server so that nothing typed is lost (a reload, another task, another
 * computer): the fill-in form saves it as the person types and on 暂存, and reopens with it. A draft is not a version:
 * nobody but the unit sees it, and it goes when the report is handed in. Each save is answered with what
 * {@link ReportChecks} says of the report as it stands, so the form shows the server's own verdict at each field.
 */
@Service
@Transactional
public class ReportDrafts {

    /** Larger than any report the rules accept (a summary of 100,000 characters and a note), so a draft never loses text. */
    public static final int MAX_DRAFT_CHARS = 400_000;

    private final ReportRepository reports;
    private final ReportService reportService;
    private final CampaignService campaigns;
    private final Clock clock;

    ReportDrafts(ReportRepository reports, ReportService reportService, CampaignService campaigns, Clock clock) {
        this.reports = reports;
        this.reportService = reportService;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** A saved draft as the form reopens it. */
    public record Draft(ReportPayload report, String savedBy, LocalDateTime savedAt) {}

    /** The answer to a save: when it was saved, and the rules' verdict on the report as it stands. */
    public record Saved(LocalDateTime savedAt, boolean ready, List<String> problems, Map<String, String> fieldErrors,
                        List<FigureRules.Breach> breaches, boolean noteRequired) {}

    public Saved save(String campaignId, String unitCode, ReportPayload report, String actor) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> new ReportException("活动不存在"));
        if (c.status() != CampaignStatus.ISSUED) {
            throw new ReportException("活动已截止，不再接收报送，内容未暂存");
        }
        UnitReport u = reportService.lockUnit(campaignId, unitCode);
        if (!(u.status() == UnitStatus.IN_PROGRESS || u.status() == UnitStatus.RETURNED)) {
            throw new ReportException("本单位的报送当前为“" + u.status().label() + "”，无需再填报");
        }
        String content = report.toJson();
        if (content.length() > MAX_DRAFT_CHARS) {
            throw new ReportException("内容过长（超过 " + MAX_DRAFT_CHARS + " 字），未能暂存，请精简活动总结或改为上传总结文档");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        reports.saveDraft(campaignId, unitCode, content, actor, now);
        var part = reportService.part(c, unitCode);
        var carry = reportService.carry(c, unitCode, part);
        ReportPayload checkedAs = ReportService.withCarried(report, carry);
        ReportChecks.Result r = ReportChecks.check(c.template(), part, checkedAs, reportService.carried(campaignId, u, checkedAs),
                reportService.subUnits(c, unitCode), carry.missing());
        return new Saved(now, r.passes(), r.problems(), r.fieldErrors(), r.breaches(), r.noteRequired());
    }

    @Transactional(readOnly = true)
    public Optional<Draft> find(String campaignId, String unitCode) {
        return reports.findDraft(campaignId, unitCode)
                .map(d -> new Draft(ReportPayload.parse(d.content()), d.savedBy(), d.savedAt()));
    }
}
