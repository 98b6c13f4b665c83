package cn.duban.document;

import cn.duban.campaign.Campaign;
import cn.duban.calendar.WorkCalendar;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.Deadlines;
import cn.duban.campaign.CampaignTemplate.UnitSelector;
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
    private final WorkCalendar calendar;

    public NoticeDocuments(CampaignService campaigns, Units units, Clock clock, WorkCalendar calendar) {
        this.calendar = calendar;
        this.campaigns = campaigns;
        this.units = units;
        this.clock = clock;
    }

    /**
     * The notice as it stands: the drafter's title, 文号 and body, the campaign's deadline (while drafting, the one
     * the drafter set or the template's), 成文日期 the day it was issued (today until then).
     */
    public NoticeDocument of(String campaignId) {
        return of(campaigns.get(campaignId));
    }

    private NoticeDocument of(Campaign c) {
        var t = c.template();
        LocalDate today = LocalDate.now(clock);
        return NoticeDocument.of(t, c.title(), c.documentNumber(), deadline(t, c.deadline(), c.deadlineOverride(), today),
                c.issuedAt() == null ? today : c.issuedAt().toLocalDate(), names());
    }

    /**
     * The notice as it would be issued from what the drafter has built and not yet handed on: the form's own title,
     * 文号, deadline and template, laid out as {@link #of} lays out a saved one.
     */
    public String preview(String campaignId, cn.duban.campaign.CampaignTemplate built, String title, String number, LocalDate deadline) {
        Campaign c = campaigns.get(campaignId);
        LocalDate today = LocalDate.now(clock);
        return NoticeHtml.render(NoticeDocument.of(built, title == null || title.isBlank() ? c.title() : title, number,
                deadline(built, null, deadline, today), today, names()));
    }

    /**
     * The deadline the body says: the campaign's once issued; until then the one issuing would fix today
     * ({@link Deadlines#compute}: the drafter's date or the template's, moved to a working day as it says); none for a
     * periodic return (each period has its own).
     */
    private LocalDate deadline(cn.duban.campaign.CampaignTemplate t, LocalDate fixed, LocalDate override, LocalDate today) {
        if (t.runsInPeriods() || (fixed == null && override == null && t.deadline() == null)) {
            return null;
        }
        return fixed != null ? fixed : Deadlines.compute(t, override, today, calendar::onOrAfter);
    }

    /**
     * Units as a 公文 names them: units picked by type by their type (各县级医院、各镇（街道）卫生院), named units by their
     * names, a unit's sub-units as such (沂源县疾病预防控制中心的下级单位) — not every unit of a type one by one.
     */
    private java.util.function.Function<UnitSelector, List<String>> names() {
        Map<UnitSelector, List<String>> read = new HashMap<>();
        Map<String, String> types = units.typeNames();
        return s -> read.computeIfAbsent(s, sel -> {
            if (sel.selectsAll()) {
                return List.of("各单位");
            }
            List<String> out = new java.util.ArrayList<>();
            sel.types().forEach(t -> out.add("各" + types.getOrDefault(t, t)));
            Map<String, cn.duban.unit.Unit> named = units.findAll(java.util.stream.Stream.concat(sel.units().stream(),
                    sel.childrenOf().stream()).distinct().toList());
            sel.units().forEach(u -> out.add(named.containsKey(u) ? named.get(u).name() : u));
            sel.childrenOf().forEach(u -> out.add((named.containsKey(u) ? named.get(u).name() : u) + "的下级单位"));
            return out;
        });
    }

    public byte[] docx(String campaignId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticeDocx.write(of(campaignId), out);
        return out.toByteArray();
    }

    /**
     * The same document as a PDF, for reading and printing on any device ({@link NoticePdf}). An issued notice does
     * not change: its PDF is made once (per node) and handed out again to every unit that asks, the last few kept.
     */
    public byte[] pdf(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        String key = c.issuedAt() == null ? null : campaignId + "@" + c.issuedAt();
        byte[] kept = key == null ? null : issuedPdfs.get(key);
        if (kept != null) {
            return kept;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticePdf.write(of(c), out);
        if (key != null) {
            issuedPdfs.put(key, out.toByteArray());
        }
        return out.toByteArray();
    }

    /** The PDFs of the notices last asked for once issued (a few hundred KB each). */
    private final Map<String, byte[]> issuedPdfs = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 16;
        }
    });

    /**
     * The safety net of 起草通知, 核稿 and 签发 (issue 27 item 10): the notice as it stands must come out as each file a
     * unit may open — the preview, the Word file and the PDF — or the step is refused in Chinese, so that no unit is
     * asked to sign for a notice it cannot read. What went wrong is logged for the operator.
     */
    public void requireRenderable(String campaignId, Step step) {
        requireRenderable(() -> of(campaignId), step);
    }

    /** The step that asks, for its advice. */
    public enum Step {
        DRAFT("请检查通知的正文和活动项后再提交；如仍不能提交，请联系运维人员"),
        REVIEW("请选择“退回”，由拟稿人修改"),
        SIGNOFF("请选择“退回”，由拟稿人修改");

        private final String advice;

        Step(String advice) {
            this.advice = advice;
        }
    }

    static void requireRenderable(java.util.function.Supplier<NoticeDocument> notice, Step step) {
        try {
            NoticeDocument d = notice.get();
            NoticeHtml.render(d);
            NoticeDocx.write(d, java.io.OutputStream.nullOutputStream());
            NoticePdf.write(d, java.io.OutputStream.nullOutputStream());
        } catch (cn.duban.support.Refusal r) {
            throw r;
        } catch (RuntimeException e) {
            LOG.error("the notice cannot be rendered; its {} is refused", step, e);
            throw new cn.duban.support.Refusal("本通知无法生成正式文件（网页、Word 或 PDF），各单位将无法打开，暂不能办结；" + step.advice);
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NoticeDocuments.class);

    public String html(String campaignId) {
        return NoticeHtml.render(of(campaignId));
    }

    /** The file name: the notice's short title, 通知 (正式文件), and the extension given (docx, pdf). */
    public String fileName(String campaignId, String extension) {
        return cn.duban.support.FileNames.safeTitle(campaigns.get(campaignId).shortTitle() + "-通知") + "." + extension;
    }
}
