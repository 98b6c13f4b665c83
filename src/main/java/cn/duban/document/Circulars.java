package cn.duban.document;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.dashboard.DashboardService;
import cn.duban.dashboard.DashboardService.UnitRow;
import cn.duban.document.NoticeDocument.Paragraph;
import cn.duban.report.UnitStatus;
import cn.duban.summary.CountySummary;
import cn.duban.summary.SummaryService;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办通报 in one click: a circular on a campaign's progress in the notice's own format — 应报 N 家、已报 M 家、已通过
 * K 家、逾期 L 家, the late units by name, the approved totals so far — and a 督办单 for each unit to press (blue near
 * its due date, yellow late, red very late). From the 督办看板's own figures (SummaryService, DashboardService).
 */
@Service
@Transactional(readOnly = true)
public class Circulars {

    private final CampaignService campaigns;
    private final SummaryService summaries;
    private final DashboardService dashboard;
    private final NoticeDocuments notices;
    private final Clock clock;
    private final cn.duban.report.Rollups rollups;

    public Circulars(CampaignService campaigns, SummaryService summaries, DashboardService dashboard, NoticeDocuments notices, Clock clock,
                     cn.duban.report.Rollups rollups) {
        this.rollups = rollups;
        this.campaigns = campaigns;
        this.summaries = summaries;
        this.dashboard = dashboard;
        this.notices = notices;
        this.clock = clock;
    }

    /** The circular's parts: the notice's issuer and addressees, its title after the notice's, the figures of today. */
    public NoticeDocument circular(String campaignId) {
        return circular(campaignId, "");
    }

    /** The circular as {@link #circular(String)}, numbered (第 N 期) where the notice has its 发文字号. */
    public NoticeDocument circular(String campaignId, String issueLabel) {
        Campaign c = campaigns.get(campaignId);
        CountySummary s = summaries.summarize(campaignId);
        LocalDate today = LocalDate.now(clock);
        NoticeDocument notice = notices.of(campaignId);
        // the notice's addressees are counted: in a roll-up the members (who report to their intermediate, not to the
        // bureau) are said apart, in a line of their own
        java.util.Map<String, String> memberOf = rollups.intermediates(c, s.units().stream().map(CountySummary.UnitRow::unitCode).toList());
        List<CountySummary.UnitRow> addressees = s.units().stream().filter(u -> !memberOf.containsKey(u.unitCode())).toList();
        List<CountySummary.UnitRow> members = s.units().stream().filter(u -> memberOf.containsKey(u.unitCode())).toList();
        // 已报: handed in and with the section (under review or approved); a returned unit is not, and may be late
        int submitted = (int) addressees.stream().filter(Circulars::handedIn).count();
        List<String> late = addressees.stream().filter(CountySummary.UnitRow::overdue).map(CountySummary.UnitRow::unitName).toList();
        String number = c.documentNumber() == null || c.documentNumber().isBlank() ? "" : "（" + c.documentNumber() + "）";
        List<Paragraph> body = new ArrayList<>();
        body.add(new Paragraph(0, "", "《" + c.title() + "》" + number + "印发以来，各单位认真组织落实。现将截至" + NoticeDocx.day(today)
                + "的报送情况通报如下。"));
        body.add(new Paragraph(1, "一、报送情况", ""));
        // not even signed for the notice: named apart (a unit may be both late and unsigned)
        List<String> unsigned = addressees.stream().filter(u -> u.status().equals(UnitStatus.NOT_SIGNED.name()))
                .map(CountySummary.UnitRow::unitName).toList();
        // a 零报告 is a report, said apart (nothing of the kind is not the same as not reporting)
        int zero = (int) addressees.stream().filter(CountySummary.UnitRow::zeroReport).count();
        int approved = (int) addressees.stream().filter(u -> u.status().equals(UnitStatus.APPROVED.name())).count();
        body.add(new Paragraph(0, "", "应报 " + addressees.size() + " 家，已报 " + submitted + " 家" + (zero == 0 ? "" : "（其中零报告 " + zero + " 家）")
                + "，已审核通过 " + approved + " 家，逾期未报 " + late.size() + " 家"
                + (unsigned.isEmpty() ? "" : "，尚未签收通知 " + unsigned.size() + " 家") + "。"));
        if (!members.isEmpty()) {
            List<String> lateMembers = members.stream().filter(CountySummary.UnitRow::overdue).map(CountySummary.UnitRow::unitName).toList();
            body.add(new Paragraph(0, "", "另有下级单位 " + members.size() + " 家经汇总单位审核后报送，已报 "
                    + members.stream().filter(Circulars::handedIn).count() + " 家"
                    + (lateMembers.isEmpty() ? "。" : "，逾期未报 " + lateMembers.size() + " 家（" + String.join("、", lateMembers) + "）。")));
        }
        body.add(new Paragraph(1, "二、逾期未报单位", ""));
        body.add(new Paragraph(0, "", late.isEmpty() ? "无。" : String.join("、", late) + "。"));
        if (!unsigned.isEmpty()) {
            body.add(new Paragraph(0, "", "尚未签收通知的单位：" + String.join("、", unsigned) + "。"));
        }
        if (!s.totals().isEmpty()) {
            body.add(new Paragraph(1, "三、已汇总数据", ""));
            body.add(new Paragraph(0, "", "已审核通过单位的数据合计如下（未通过的单位不计入）："));
            for (CountySummary.Total t : s.totals()) {
                body.add(new Paragraph(3, t.no() + ". ", t.name() + "：" + t.amount().toPlainString() + (t.unit() == null ? "" : t.unit()) + "。"));
            }
        }
        body.add(new Paragraph(1, s.totals().isEmpty() ? "三、下步要求" : "四、下步要求", ""));
        body.add(new Paragraph(0, "", late.isEmpty()
                ? "请各单位继续做好相关工作，已退回的报送按要求修改后重新报送。"
                : "请逾期未报的单位立即报送，并说明逾期原因；已退回的报送按要求修改后重新报送。" + c.template().issuer() + "将继续跟踪督办。"));
        // a head of its own (简报-style): 督办通报 / 第N期 / issuer and day over the red line, not "…文件" over "第1期"
        return new NoticeDocument("督办通报", issueLabel == null || issueLabel.isBlank() ? "（期数送签时编定）" : issueLabel,
                title(c.shortTitle()), notice.addressee(), body, List.of(), List.of(), notice.signature(), today, null,
                c.template().issuer() + (c.template().section() == null ? "" : c.template().section()));
    }

    /** 已报: handed in and with the section (under review or approved); a returned unit is not. */
    private static boolean handedIn(CountySummary.UnitRow u) {
        return u.status().equals(UnitStatus.SUBMITTED.name()) || u.status().equals(UnitStatus.APPROVED.name());
    }

    /**
     * The circular's title after its notice's subject, without doubled words: a plan or a programme is carried out
     * (…方案落实情况的通报), work progresses (…工作进展情况的通报, never …工作工作…).
     */
    static String title(String subject) {
        String s = subject == null ? "" : subject.strip();
        if (s.endsWith("方案") || s.endsWith("计划") || s.endsWith("意见") || s.endsWith("办法")) {
            return "关于" + s + "落实情况的通报";
        }
        return "关于" + s + (s.endsWith("工作") ? "" : "工作") + "进展情况的通报";
    }

    public byte[] circularDocx(String campaignId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticeDocx.write(circular(campaignId), out);
        return out.toByteArray();
    }

    /** One 督办单: who, what, by when, how late, in its colour. */
    public record Order(String unitName, String statusLabel, String title, String number, java.time.LocalDate due, int daysLate, long daysLeft,
                        String urgency, String urgencyLabel, String colour, String requirement,
                        String issuer, String contact, LocalDate date) {}

    /**
     * The units to press, each its 督办单 in the colour its row has on the 督办看板 (DashboardRules.Urgency: blue near the
     * due date, yellow late, red very late); a unit that has not even signed for the notice gets one too (blue while its
     * due date is not near). The 督办单 says what is the matter in words (未签收、临近截止、逾期…), never its colour.
     */
    public List<Order> orders(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        LocalDate today = LocalDate.now(clock);
        var contact = c.template().contact();
        String who = contact == null ? "" : ((contact.person() == null ? "" : contact.person()) + " " + (contact.phone() == null ? "" : contact.phone())).strip();
        List<Order> out = new ArrayList<>();
        if (c.status() != cn.duban.campaign.CampaignStatus.ISSUED) {
            return out; // collection has ended (or not begun): nobody is pressed to report
        }
        for (UnitRow u : dashboard.urgent(campaignId)) {
            long left = u.dueDate() == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(today, u.dueDate());
            var urgency = u.urgency() == null ? cn.duban.dashboard.DashboardRules.Urgency.NEAR
                    : cn.duban.dashboard.DashboardRules.Urgency.valueOf(u.urgency());
            boolean unsigned = u.status().equals(UnitStatus.NOT_SIGNED.name());
            String label = u.urgency() == null ? "尚未签收" : unsigned ? "尚未签收，" + urgency.label() : urgency.label();
            String requirement = (unsigned ? "请立即签收通知并指定报送专人；" : "")
                    + (u.daysLate() > 0 ? "已逾期 " + u.daysLate() + " 天，请立即报送，并书面说明逾期原因。"
                    : left == 0 ? "今天截止，请抓紧办理，今天内报送。"
                    : "距报送期限还有 " + left + " 天，请抓紧办理，按时报送。");
            out.add(new Order(u.unitName(), u.statusLabel(), c.title(), c.documentNumber() == null ? "" : c.documentNumber(), u.dueDate(), u.daysLate(),
                    left, urgency.name(), label, urgency.colour(), requirement,
                    c.template().issuer() + c.template().section(), who, today));
        }
        return out;
    }

    public byte[] ordersDocx(String campaignId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SupervisionOrderDocx.write(orders(campaignId), out);
        return out.toByteArray();
    }
}
