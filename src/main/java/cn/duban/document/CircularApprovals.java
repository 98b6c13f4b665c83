package cn.duban.document;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.mail.Notifications;
import cn.duban.report.CampaignUnits;
import cn.duban.summary.CountySummary;
import cn.duban.summary.SummaryService;
import cn.duban.support.Decisions;
import cn.duban.support.Refusal;
import cn.duban.support.Texts;
import cn.duban.unit.Units;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A 督办通报 on its way out (issue 17 §3): the section sends the circular of today's figures for 核稿 and 签发, as a
 * notice goes; the document is kept as it was sent, so the 科长 checks and the leader signs exactly what the units
 * will receive; signed, it is issued — each unit of the campaign is mailed its text and finds its Word file on its
 * own pages. A return ends it with the reason; the section sends a fresh one.
 */
@Service
@Transactional
public class CircularApprovals {

    private final CircularRepository circulars;
    private final Circulars documents;
    private final CampaignService campaigns;
    private final SummaryService summaries;
    private final Units units;
    private final CampaignUnits campaignUnits;
    private final Notifications notifications;
    private final CircularProcesses processes;
    private final Clock clock;

    CircularApprovals(CircularRepository circulars, Circulars documents, CampaignService campaigns, SummaryService summaries,
                      Units units, CampaignUnits campaignUnits, Notifications notifications, CircularProcesses processes,
                      Clock clock) {
        this.campaignUnits = campaignUnits;
        this.circulars = circulars;
        this.documents = documents;
        this.campaigns = campaigns;
        this.summaries = summaries;
        this.units = units;
        this.notifications = notifications;
        this.processes = processes;
        this.clock = clock;
    }

    /**
     * Sends today's circular of a campaign for 核稿: only while the campaign collects reports or once it has closed,
     * only where it has units, and one at a time (a circular still being decided is the one to finish first).
     */
    public Circular send(String campaignId, String actor) {
        Campaign c = campaigns.lock(campaignId); // one sender at a time: the pending check and the next 期 hold together
        if (c.status() != CampaignStatus.ISSUED && c.status() != CampaignStatus.CLOSED) {
            throw new Refusal(Refusal.CONFLICT, "通知“" + c.status().label() + "”，还不能发督办通报（通知印发后才有报送情况可以通报）");
        }
        if (campaignUnits.count(campaignId) == 0) {
            throw new Refusal("该通知没有报送单位；定期报送请在各期的看板上发督办通报");
        }
        List<Circular> earlier = circulars.list(campaignId);
        earlier.stream().map(Circular::holdsBack).filter(java.util.Objects::nonNull).findFirst().ifPresent(why -> {
            throw new Refusal(Refusal.CONFLICT, why);
        });
        int serial = circulars.nextSerial(campaignId);
        String label = Circular.label(serial);
        NoticeDocument d = documents.circular(campaignId, label);
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        NoticeDocx.write(d, docx);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        NoticePdf.write(d, pdf);
        long id;
        try {
            id = circulars.insert(campaignId, serial, d.title(), d.date(), docx.toByteArray(), pdf.toByteArray(), NoticeHtml.render(d), d.plainText(),
                    actor, LocalDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw new Refusal(Refusal.CONFLICT, "刚有人送出了一期督办通报，请刷新页面后查看");
        }
        processes.start(id, campaignId);
        return get(id);
    }

    @Transactional(readOnly = true)
    public Circular get(long id) {
        return circulars.find(id).orElseThrow(() -> new Refusal("督办通报不存在"));
    }

    /** The circulars a person of the section sent for 核稿签发, checked or signed, newest first (their 已办). */
    @Transactional(readOnly = true)
    public List<Circular> workOf(String user) {
        return circulars.workOf(user, 200);
    }

    /** The campaign's circulars, 第1期 first: all of them for the section, the issued ones for its units. */
    @Transactional(readOnly = true)
    public List<Circular> list(String campaignId, boolean issuedOnly) {
        return circulars.list(campaignId).stream().filter(c -> !issuedOnly || c.status() == CircularStatus.ISSUED).toList();
    }

    /** The verdict a 核稿 or 签发 would get: the rules every decision on someone else's work follows. */
    public Decisions.Verdict check(Boolean approved, String comment) {
        return Decisions.check(approved, comment, null, Decisions.Return.REASON, LocalDate.now(clock));
    }

    /** 核稿 or 签发: passed on, issued, or returned with the reason (the units are told by {@link #notifyUnits}). */
    public Circular decide(long id, cn.duban.support.Decisions.Stage stage, Boolean approved, String comment, String actor) {
        Circular c = circulars.lock(id).orElseThrow(() -> new Refusal("督办通报不存在"));
        check(approved, comment).orRefuse();
        CircularStatus next = c.status().after(stage, approved);
        if (next == CircularStatus.ISSUED && campaigns.get(c.campaignId()).status() == CampaignStatus.ARCHIVED) {
            throw new Refusal(Refusal.CONFLICT, "通知已归档，不再印发督办通报；请选择“退回”");
        }
        circulars.decided(id, stage, next, actor, LocalDateTime.now(clock), Texts.optional(comment));
        return get(id);
    }

    /**
     * An issued circular reaches the campaign's units: each unit's head (and mailbox) is mailed its text, told
     * whether the unit is among the late ones, once per circular (a repeated call queues nothing more). Returns how
     * many mails were queued.
     */
    public int notifyUnits(long id) {
        Circular c = get(id);
        if (c.status() != CircularStatus.ISSUED) {
            throw new IllegalStateException("circular " + id + " is " + c.status() + ", not issued");
        }
        Campaign campaign = campaigns.get(c.campaignId());
        List<CountySummary.UnitRow> lines = summaries.summarize(c.campaignId()).units();
        java.util.Set<String> late = new java.util.HashSet<>();
        lines.stream().filter(CountySummary.UnitRow::overdue).forEach(u -> late.add(u.unitCode()));
        return notifications.circularIssued(campaign, units.findAll(lines.stream().map(CountySummary.UnitRow::unitCode).toList()).values(),
                late, id, c.title() + "（" + c.issueLabel() + "）", circulars.text(id), c.asOf());
    }

    @Transactional(readOnly = true)
    public byte[] docx(long id) {
        return circulars.docx(id);
    }

    @Transactional(readOnly = true)
    public byte[] pdf(long id) {
        return circulars.pdf(id);
    }

    @Transactional(readOnly = true)
    public String html(long id) {
        return circulars.html(id);
    }
}
