package cn.duban.document;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignTemplate.UnitSelector;
import cn.duban.unit.Unit;
import cn.duban.unit.Units;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A campaign's notice as a document: its parts from the campaign's fields, as a .docx or as the forms' preview. */
@Service
@Transactional(readOnly = true)
public class NoticeDocuments {

    private final CampaignService campaigns;
    private final Units units;
    private final Clock clock;

    public NoticeDocuments(CampaignService campaigns, Units units, Clock clock) {
        this.campaigns = campaigns;
        this.units = units;
        this.clock = clock;
    }

    /**
     * The notice as it stands: the drafter's title, 文号 and body, the campaign's deadline (while drafting, the one
     * the drafter set or the template's), 成文日期 the day it was issued (today until then).
     */
    public NoticeDocument of(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        var t = c.template();
        LocalDate today = LocalDate.now(clock);
        LocalDate deadline = t.runsInPeriods() ? null
                : c.deadline() != null ? c.deadline()
                : c.deadlineOverride() != null ? c.deadlineOverride()
                : t.deadline().date() != null ? t.deadline().date() : today.plusDays(t.deadline().daysAfterIssue());
        return NoticeDocument.of(t, c.title(), c.documentNumber(), deadline, c.issuedAt() == null ? today : c.issuedAt().toLocalDate(), names());
    }

    /**
     * The notice as it would be issued from what the drafter has built and not yet handed on: the form's own title,
     * 文号, deadline and template, laid out as {@link #of} lays out a saved one.
     */
    public String preview(String campaignId, cn.duban.campaign.CampaignTemplate built, String title, String number, LocalDate deadline) {
        Campaign c = campaigns.get(campaignId);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = built.runsInPeriods() ? null : deadline != null ? deadline
                : built.deadline() == null ? null
                : built.deadline().date() != null ? built.deadline().date() : today.plusDays(built.deadline().daysAfterIssue());
        return NoticeHtml.render(NoticeDocument.of(built, title == null || title.isBlank() ? c.title() : title, number, due, today, names()));
    }

    private java.util.function.Function<UnitSelector, List<String>> names() {
        Map<UnitSelector, List<String>> read = new HashMap<>();
        return s -> read.computeIfAbsent(s, sel -> {
            List<String> codes = List.copyOf(sel.activeCodes(units));
            Map<String, Unit> rows = units.findAll(codes);
            return codes.stream().map(code -> rows.containsKey(code) ? rows.get(code).name() : code).toList();
        });
    }

    public byte[] docx(String campaignId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticeDocx.write(of(campaignId), out);
        return out.toByteArray();
    }

    public String html(String campaignId) {
        return NoticeHtml.render(of(campaignId));
    }

    /** The file name: the notice's short title, 通知 (正式文件), .docx. */
    public String fileName(String campaignId) {
        return cn.duban.support.FileNames.safeTitle(campaigns.get(campaignId).shortTitle() + "-通知") + ".docx";
    }
}
