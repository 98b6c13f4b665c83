package cn.duban.campaign;

import cn.duban.support.Decisions;
import cn.duban.support.Texts;
import cn.duban.calendar.WorkCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a campaign as the supervision section sees it: draft, review, sign-off, issue, close,
 * archive. Every rule lives here; the BPMN delegates and listeners only call it.
 */
@Service
@Transactional
public class CampaignService {

    /** The two decisions a notice draft needs before it may be issued. */


    private final CampaignRepository campaigns;
    private final TemplateCatalog catalog;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final DocumentNumbers numbers;
    private final cn.duban.office.Offices offices;

    public CampaignService(CampaignRepository campaigns, TemplateCatalog catalog, WorkCalendar calendar, Clock clock,
                           DocumentNumbers numbers, cn.duban.office.Offices offices) {
        this.numbers = numbers;
        this.offices = offices;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What the start form sends instead of a template code to start from a blank notice (空白通知). */
    public static final String BLANK = "blank:";

    /** A blank notice's name in the lists until the drafter gives it a title. */
    public static final String BLANK_TITLE = "新通知（起草中）";

    /** What the start form sends instead of a template code to start as a copy of an earlier campaign (沿用上次). */
    public static final String COPY_PREFIX = "campaign:";

    /**
     * Opens a campaign from a template's current version, or as a copy of an earlier campaign's notice as it was
     * issued (its title, text, items and table; a new 文号 is given in the draft). The template is copied into
     * the campaign, so later uploads change nothing here. A retired template is not offered.
     */
    public Campaign createDraft(String templateCode, LocalDate deadlineOverride, String createdBy) {
        if (templateCode == null || templateCode.isBlank()) {
            throw new CampaignException("请选择活动模板");
        }
        CampaignTemplate template;
        Integer version;
        LocalDateTime now = LocalDateTime.now(clock);
        if (BLANK.equals(templateCode)) {
            // nothing inherited: no title, body, items, dates or table; the drafter writes the notice in the form
            template = CampaignTemplate.blank();
            Deadlines.requireNotPast(template, deadlineOverride, now.toLocalDate());
            String id = newId(now);
            campaigns.insert(new Campaign(id, template.code(), BLANK_TITLE, null, template, CampaignStatus.DRAFTING, null,
                    deadlineOverride, createdBy, now, null, null, null, null, offices.officeOfDrafter(createdBy, template.section())));
            return get(id);
        }
        if (templateCode.startsWith(COPY_PREFIX)) {
            Campaign earlier = get(templateCode.substring(COPY_PREFIX.length()));
            template = earlier.template().withDocumentNumber(null);
            version = null;
        } else {
            if (catalog.isRetired(templateCode)) {
                throw new CampaignException("模板“" + catalog.get(templateCode).title() + "”已停用，请选择其他模板");
            }
            template = catalog.get(templateCode);
            version = catalog.versionOf(templateCode);
        }
        catalog.checkAgainstRegistry(template);
        Deadlines.requireNotPast(template, deadlineOverride, now.toLocalDate());
        String id = newId(now);
        // the notice is its drafter's office's
        String office = offices.officeOfDrafter(createdBy, template.section());
        template = ownedBy(template, office);
        Campaign c = new Campaign(id, template.code(), template.title(), template.documentNumber(), template,
                CampaignStatus.DRAFTING, null, deadlineOverride, createdBy, now, null, null, null, null, office);
        campaigns.insert(c);
        campaigns.updateTemplateVersion(id, version);
        return c;
    }

    /**
     * The notice as its office runs it: an office of its own (防保股, 计财股) is named as its 承办科室 in the document and
     * the mails; the default office keeps what the template says (another bureau's template names its own section).
     */
    private CampaignTemplate ownedBy(CampaignTemplate t, String office) {
        if (office == null || cn.duban.identity.Roles.DEFAULT_OFFICE.equals(office)) {
            return t;
        }
        return offices.find(office).map(o -> t.withSection(o.name())).orElse(t);
    }

    /** A campaign's id: C, the day it was created, and six random hex digits. */
    private static String newId(LocalDateTime now) {
        return "C" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd")) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    }

    /** The campaign, if there is one by this id. */
    public Optional<Campaign> find(String id) {
        return campaigns.find(id);
    }

    public Campaign get(String id) {
        return campaigns.find(id).orElseThrow(() -> new CampaignException("活动 " + id + " 不存在"));
    }

    public List<Campaign> all() {
        return campaigns.findAll();
    }

    /** The deadline of every campaign collecting reports (征集中), by id: one query, for the operators' gauges. */
    @Transactional(readOnly = true)
    public java.util.Map<String, LocalDate> collectingDeadlines() {
        return campaigns.deadlines(CampaignStatus.ISSUED);
    }

    /** The titles of these campaigns, by id: one query, for messages that name campaigns (never by id). */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> titles(java.util.Collection<String> ids) {
        return campaigns.titles(ids);
    }

    /** Whether a person of these units may read the campaign's notice: one of them received it. */
    @Transactional(readOnly = true)
    public boolean reachesAnyOf(String id, List<String> unitCodes) {
        return campaigns.reachesAnyOf(id, unitCodes);
    }

    public void linkProcessInstance(String id, String processInstanceId) {
        campaigns.setProcessInstance(id, processInstanceId);
    }

    /** The drafter's edit of the notice; hands it on to review (as the campaign's creator). */
    public void submitDraft(String id, NoticeDraft draft) {
        submitDraft(id, draft, null);
    }

    /** The drafter's edit of the notice, handed on to review by this person (their 已办 lists it). */
    public void submitDraft(String id, NoticeDraft draft, String drafter) {
        Campaign c = locked(id);
        requireStatus(c, CampaignStatus.DRAFTING);
        String title = draft == null || blank(draft.title()) ? c.title() : draft.title().strip();
        String number = draft == null ? c.documentNumber() : Texts.optional(draft.documentNumber());
        String text = draft == null || blank(draft.noticeText()) ? c.template().noticeText() : draft.noticeText();
        LocalDate deadline = draft == null ? c.deadlineOverride() : draft.deadline();
        if (title.length() > TemplateParser.MAX_TITLE) {
            throw new CampaignException("通知标题过长（最多 " + TemplateParser.MAX_TITLE + " 字）");
        }
        if (number != null && number.length() > TemplateParser.MAX_DOCUMENT_NUMBER) {
            throw new CampaignException("文号过长（最多 " + TemplateParser.MAX_DOCUMENT_NUMBER + " 字）");
        }
        if (text.length() > TemplateParser.MAX_NOTICE_TEXT) {
            throw new CampaignException("通知正文过长（最多 " + TemplateParser.MAX_NOTICE_TEXT + " 字）");
        }
        CampaignTemplate t = draft != null && draft.template() != null ? checkedDraft(c, draft.template()) : c.template();
        // the deadline as handed in: the date typed, else (the field cleared: 按模板) the edited notice's own
        Deadlines.requireNotPast(t, deadline, LocalDate.now(clock));
        if (number != null) {
            // 代字〔年份〕序号号, and no other notice's: written the standard way
            number = numbers.take(id, c.template().issuer(), number, c.createdBy()).toString();
        }
        // the office that runs it is its drafter's, whatever the form says (防保股's notice says 防保股)
        CampaignTemplate edited = ownedBy(t.withCode(c.template().code()).withNotice(title, number, text), c.officeCode());
        // the whole as it will be issued, with the title and body handed in beside the built notice
        TemplateParser.tooMuchText(edited).ifPresent(p -> {
            throw new CampaignException(p);
        });
        campaigns.updateDraft(id, title, number, edited, deadline);
        campaigns.markDrafted(id, drafter == null ? c.createdBy() : drafter, LocalDateTime.now(clock));
        campaigns.updateStatus(id, CampaignStatus.REVIEWING);
        // handed on: what the drafter kept while drafting is now the notice itself (NoticeDrafts)
        campaigns.deleteNoticeDrafts(id);
    }

    /**
     * What the drafting form built, checked as an uploaded template is (every field by the template language's rules,
     * the units against the live registry): the problems, each naming its field (字段 items[2].title 必填), or none.
     */
    public List<String> draftProblems(String id, CampaignTemplate built) {
        return draftProblems(id, built, get(id).deadlineOverride(), null);
    }

    /**
     * The same, with the deadline as the form would hand it in — the date typed, or none (the field cleared: the
     * notice's own date, 按模板) — held against today by the rule 办结 applies ({@link #submitDraft}), and the 文号
     * (its form, and nobody else's).
     */
    public List<String> draftProblems(String id, CampaignTemplate built, LocalDate deadline, String number) {
        Campaign c = get(id);
        List<String> problems = new java.util.ArrayList<>(TemplateParser.validate(withCode(c, built)).stream()
                .map(CampaignService::inFormWords).toList());
        try {
            Deadlines.requireNotPast(built, deadline, LocalDate.now(clock));
        } catch (CampaignException e) {
            problems.add("字段 deadline " + e.getMessage());
        }
        if (number != null && !number.isBlank()) {
            numbers.problem(id, number)
                    .ifPresent(p -> problems.add("字段 documentNumber " + p));
        }
        if (problems.isEmpty()) {
            try {
                catalog.checkAgainstRegistry(withCode(c, built));
                problems.addAll(catalog.itemsOutsideRecipients(built));
            } catch (TemplateException e) {
                problems.addAll(e.problems());
            }
        }
        return problems;
    }

    /**
     * A problem of the template language as the drafting form says it: the form has a date field (or the days after
     * issue), a box of units and a 牵头单位 — its words, not the template file's keys (all、types、units …).
     */
    static String inFormWords(String problem) {
        if (problem.startsWith("字段 deadline 必填") || problem.startsWith("字段 deadline 须且只须")) {
            return "字段 deadline 请填写报送截止日期";
        }
        if (problem.startsWith("字段 targets 未选中任何单位")) {
            return "字段 targets 请至少选择一个报送单位";
        }
        return problem.replace("需要同时给出 lead（牵头单位）", "须同时选定牵头单位");
    }

    private CampaignTemplate checkedDraft(Campaign c, CampaignTemplate built) {
        CampaignTemplate t = withCode(c, built);
        List<String> problems = TemplateParser.validate(t);
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        catalog.checkAgainstRegistry(t);
        List<String> outside = catalog.itemsOutsideRecipients(t);
        if (!outside.isEmpty()) {
            throw new TemplateException(outside);
        }
        return t;
    }

    /** A template built in the form keeps the campaign's template code (a campaign never changes what it came from). */
    private static CampaignTemplate withCode(Campaign c, CampaignTemplate t) {
        return t.withCode(c.template().code());
    }

    /** The rules' verdict on a 核稿 or 签发 as the person makes it; {@link #decide} refuses with the same. */
    public Decisions.Verdict checkDecision(Boolean approved, String comment) {
        return Decisions.check(approved, comment, null, Decisions.Return.REASON, LocalDate.now(clock));
    }

    /** Records the section head's review or the leader's sign-off; a return needs a reason and goes back to the drafter. */
    public void decide(String id, Decisions.Stage stage, Boolean approved, String comment, String actor) {
        Campaign c = locked(id);
        requireStatus(c, stage == Decisions.Stage.REVIEW ? CampaignStatus.REVIEWING : CampaignStatus.SIGNING);
        checkDecision(approved, comment).orRefuse();
        String reason = Texts.optional(comment);
        if (approved) {
            Deadlines.requireNotPast(c.template(), c.deadlineOverride(), LocalDate.now(clock));
        }
        campaigns.insertDecision(id, stage.name(), approved, reason, actor, LocalDateTime.now(clock));
        CampaignStatus next = !approved ? CampaignStatus.DRAFTING
                : stage == Decisions.Stage.REVIEW ? CampaignStatus.SIGNING : CampaignStatus.SIGNED;
        campaigns.updateStatus(id, next);
    }

    /** A notice a person handed on to 核稿, as their 已办 lists it: where it stands now. */
    public record Drafted(String campaignId, String title, String documentNumber, String statusLabel, LocalDateTime draftedAt) {}

    /** A 核稿 or 签发 a person decided, as their 已办 lists it. */
    public record Decided(String campaignId, String title, String stageStep, boolean approved, String comment, LocalDateTime decidedAt) {}

    /** 已办 of the section's people: the notices they drafted and the 核稿 and 签发 they decided, newest first. */
    public record NoticeWork(List<Drafted> drafted, List<Decided> decided) {}

    @Transactional(readOnly = true)
    public NoticeWork workOf(String user, int limit) {
        return new NoticeWork(campaigns.draftedBy(user, limit), campaigns.decidedBy(user, limit));
    }

    public List<NoticeDecision> decisions(String id) {
        return campaigns.decisions(id);
    }

    /** Issues a signed notice: fixes its deadline (on a working day if the template says so). Issuing twice changes nothing. */
    public Campaign issue(String id) {
        Campaign c = locked(id);
        if (c.status() == CampaignStatus.ISSUED) {
            return c;
        }
        requireStatus(c, CampaignStatus.SIGNED);
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate deadline = Deadlines.compute(c.template(), c.deadlineOverride(), now.toLocalDate(), calendar::onOrAfter);
        campaigns.markIssued(id, now, deadline);
        return get(id);
    }

    /**
     * 印发 of a periodic return: the notice signed off once goes out as a series (no units of its own; its periods
     * are opened one by one), due when its last period is due.
     */
    public Campaign issueAsSeries(String id, LocalDate lastDue) {
        Campaign c = locked(id);
        requireStatus(c, CampaignStatus.SIGNED);
        if (!c.template().runsInPeriods()) {
            throw new CampaignException("该通知不是定期报送");
        }
        campaigns.markIssued(id, LocalDateTime.now(clock), lastDue);
        return get(id);
    }

    /**
     * One period of a series as a campaign of its own: the series' notice (its template, 文号 and drafter), named
     * after the period, due on the period's date, signed off already (the series was), ready to be issued.
     */
    public Campaign createPeriod(String seriesId, String label, LocalDate due) {
        Campaign s = get(seriesId);
        if (s.status() != CampaignStatus.ISSUED || !s.template().runsInPeriods()) {
            throw new CampaignException("定期报送“" + s.title() + "”尚未印发，不能开放各期");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String id = newId(now);
        Campaign c = new Campaign(id, s.templateCode(), s.title() + "（" + label + "）", s.documentNumber(), s.template(),
                CampaignStatus.SIGNED, null, due, s.createdBy(), now, null, null, null, null, s.officeCode());
        campaigns.insert(c);
        return c;
    }

    /**
     * Stops taking reports: allowed once the deadline has passed, or at any time once every unit is
     * approved ({@code allApproved}).
     */
    public void close(String id, boolean allApproved) {
        Campaign c = locked(id);
        if (c.status() == CampaignStatus.CLOSED) {
            return;
        }
        requireStatus(c, CampaignStatus.ISSUED);
        requireClosable(c, allApproved);
        campaigns.markClosed(id, LocalDateTime.now(clock));
    }

    /** The closing rule: after the deadline, or at any time once every unit is approved. */
    public void requireClosable(Campaign c, boolean allApproved) {
        if (!allApproved && c.deadline() != null && !LocalDate.now(clock).isAfter(c.deadline())) {
            throw new CampaignException("报送截止日期（" + c.deadline() + "）过后才能结束征集；所有单位审核通过后会自动结束");
        }
    }

    public void archive(String id) {
        Campaign c = locked(id);
        if (c.status() == CampaignStatus.ARCHIVED) {
            return;
        }
        requireStatus(c, CampaignStatus.CLOSED);
        campaigns.markArchived(id, LocalDateTime.now(clock));
    }

    /**
     * The campaign, its row locked until the caller's transaction ends: what another feature decides about it once
     * at a time (two people sending a 督办通报 at once are one after the other).
     */
    public Campaign lock(String id) {
        return locked(id);
    }

    private Campaign locked(String id) {
        return campaigns.lock(id).orElseThrow(() -> new CampaignException("活动 " + id + " 不存在"));
    }

    private static void requireStatus(Campaign c, CampaignStatus expected) {
        if (c.status() != expected) {
            throw new CampaignException("活动当前状态为“" + c.status().label() + "”，不能进行此操作（应为“" + expected.label() + "”）");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
