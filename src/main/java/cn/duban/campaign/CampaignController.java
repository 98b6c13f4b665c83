package cn.duban.campaign;

import cn.duban.support.Decisions;
import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import cn.duban.support.Forbidden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Templates and notices, as the start form and the notice forms read them. */
@RestController
@RequestMapping("/api")
class CampaignController {

    private final TemplateCatalog catalog;
    private final CampaignService campaigns;
    private final cn.duban.identity.People people;
    private final CampaignAccess access;
    private final NoticeDrafts drafts;

    CampaignController(TemplateCatalog catalog, CampaignService campaigns, cn.duban.identity.People people, CampaignAccess access,
            NoticeDrafts drafts) {
        this.access = access;
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.people = people;
        this.drafts = drafts;
    }

    /** The templates the start form offers; with {@code all=true} the retired ones too (the template list). */
    @GetMapping("/templates")
    List<TemplateCatalog.Entry> templates(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                                          @RequestParam(defaultValue = "false") boolean all) {
        requireSupervision(user);
        return catalog.list(all);
    }

    @GetMapping("/templates/{code}/versions")
    List<TemplateCatalog.Version> versions(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String code) {
        requireSupervision(user);
        return catalog.versions(code);
    }

    /** Takes a template off the start form; campaigns that used it keep their copy. */
    @PostMapping("/templates/{code}/retire")
    Map<String, Object> retire(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String code) {
        requireDrafter(user);
        catalog.retire(code, true, user.id());
        return Map.of("code", code, "retired", true);
    }

    @PostMapping("/templates/{code}/restore")
    Map<String, Object> restore(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String code) {
        requireDrafter(user);
        catalog.retire(code, false, user.id());
        return Map.of("code", code, "retired", false);
    }

    /** Deletes an uploaded template no campaign used. */
    @DeleteMapping("/templates/{code}")
    Map<String, Object> delete(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String code) {
        requireDrafter(user);
        catalog.delete(code, user.id());
        return Map.of("code", code, "deleted", true);
    }

    /** The audit of the catalog: uploads, retirements, deletions, by whom. */
    @GetMapping("/templates/changes")
    List<Map<String, Object>> templateChanges(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                                              @RequestParam(defaultValue = "50") int size) {
        requireSupervision(user);
        List<TemplateCatalog.Change> changes = catalog.changes(size);
        Map<String, String> names = people.names(changes.stream().map(TemplateCatalog.Change::changedBy).toList());
        return changes.stream().map(c -> Map.<String, Object>of("code", c.code(), "action", c.action(), "detail", c.detail(),
                "changedByName", names.getOrDefault(c.changedBy(), ""), "changedAt", c.changedAt())).toList();
    }

    private static void requireDrafter(CurrentUser user) {
        if (!user.hasOfficeRole(Roles.OfficeRole.DRAFTER) && !user.isIn(Roles.ADMIN)) {
            throw new Forbidden("只有拟稿人可以管理活动模板");
        }
    }

    /** A drafter uploads a template file (YAML or JSON); a bad one is refused with the fields at fault. */
    @PostMapping("/templates")
    Map<String, Object> upload(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                               @RequestParam("file") MultipartFile file) throws IOException {
        if (!user.hasOfficeRole(Roles.OfficeRole.DRAFTER) && !user.isIn(Roles.ADMIN)) {
            throw new Forbidden("只有拟稿人可以上传活动模板");
        }
        if (file.getSize() > TemplateParser.MAX_SOURCE_CHARS * 4L) {
            throw new TemplateException(List.of("模板文件过大"));
        }
        CampaignTemplate t = catalog.upload(new String(file.getBytes(), StandardCharsets.UTF_8), user.id());
        return Map.of("code", t.code(), "title", t.title());
    }

    /**
     * The drafting form asks as the drafter builds the notice: the problems of what is built so far, each also under
     * the path of its field ({@code items[2].title}) so the form shows it there.
     */
    @PostMapping("/campaigns/{id}/draft/check")
    Map<String, Object> checkDraft(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                   @org.springframework.web.bind.annotation.RequestBody CampaignTemplate built,
                                   @RequestParam(required = false) String deadline, @RequestParam(required = false) String number) {
        access.requireWatcher(user, id);
        List<String> problems = campaigns.draftProblems(id, built, cn.duban.support.Dates.day(deadline, "报送截止日期"), number);
        return Map.of("ready", problems.isEmpty(), "problems", problems, "fieldErrors", TemplateParser.byField(problems));
    }

    /** The drafter's own unfinished notice, as 起草通知 reopens it; empty when there is none. */
    @GetMapping("/campaigns/{id}/notice-draft")
    Map<String, Object> noticeDraft(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        requireDrafterOf(user, id);
        return drafts.find(id, user.id()).<Map<String, Object>>map(d -> Map.of("notice", d.notice(), "savedAt", d.savedAt()))
                .orElse(Map.of());
    }

    /** 起草通知 saves what is on the form as the drafter types and on 暂存; answered with the rules' verdict on it. */
    @org.springframework.web.bind.annotation.PutMapping("/campaigns/{id}/notice-draft")
    NoticeDrafts.Saved saveNoticeDraft(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                       @org.springframework.web.bind.annotation.RequestBody NoticeDraft draft) {
        requireDrafterOf(user, id);
        return drafts.save(id, draft, user.id());
    }

    /** A drafter of the notice's own office (防保股's drafter drafts 防保股's notice; 综合监督科's does not). */
    private void requireDrafterOf(CurrentUser user, String campaignId) {
        if (!user.hasOfficeRole(access.officeOf(campaignId), Roles.OfficeRole.DRAFTER)) {
            throw new Forbidden("只有拟稿人可以起草和暂存通知");
        }
    }

    /** What the drafter built, kept as a template for next year under a code of its own. */
    record SaveAsTemplate(String code, String campaignId, CampaignTemplate template) {}

    @PostMapping("/templates/from-draft")
    Map<String, Object> saveAsTemplate(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                                       @org.springframework.web.bind.annotation.RequestBody SaveAsTemplate body) {
        if (!user.hasOfficeRole(Roles.OfficeRole.DRAFTER) && !user.isIn(Roles.ADMIN)) {
            throw new Forbidden("只有拟稿人可以保存活动模板");
        }
        SaveAsTemplate asked = body == null ? new SaveAsTemplate(null, null, null) : body;
        CampaignTemplate saved = catalog.saveDraftAs(asked.code(), asked.campaignId(), asked.template(), user.id());
        return Map.of("code", saved.code(), "title", saved.title(), "version", catalog.versionOf(saved.code()));
    }

    @GetMapping("/campaigns")
    List<Map<String, Object>> list(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        requireSupervision(user);
        // every office's for the bureau's leaders and operators, the office's own for its people
        return campaigns.all().stream().filter(c -> user.watchesOffice(c.officeCode())).map(c -> Map.<String, Object>of(
                "id", c.id(), "title", c.title(), "status", c.status().name(), "statusLabel", c.status().label(),
                "deadline", c.deadline() == null ? "" : c.deadline().toString())).toList();
    }

    /** The notice as a unit or the section reads it. */
    @GetMapping("/campaigns/{id}")
    Map<String, Object> notice(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        if (!access.readsNotice(user, id)) {
            throw new Forbidden("无权查看该通知");
        }
        Campaign c = campaigns.get(id);
        List<NoticeDecision> decisions = access.watches(user, id) ? campaigns.decisions(id) : List.of();
        return Map.ofEntries(
                Map.entry("id", c.id()), Map.entry("title", c.title()),
                Map.entry("documentNumber", c.documentNumber() == null ? "" : c.documentNumber()),
                // a periodic return's schedule in a sentence (empty for a single notice)
                Map.entry("schedule", c.template().runsInPeriods() ? Periods.describe(c.template().periodic()) : ""),
                // the statistics table's title as the notice's attachment and every workbook print it
                Map.entry("statisticsTitle", c.template().statisticsTitle()),
                Map.entry("status", c.status().name()), Map.entry("statusLabel", c.status().label()),
                Map.entry("deadline", c.deadline() == null ? "" : c.deadline().toString()),
                Map.entry("deadlineOverride", c.deadlineOverride() == null ? "" : c.deadlineOverride().toString()),
                Map.entry("template", c.template()),
                // run by an office of its own (防保股): its 承办科室 is that office, not for the form to change
                Map.entry("ownOffice", c.officeCode() != null && !Roles.DEFAULT_OFFICE.equals(c.officeCode())),
                Map.entry("decisions", decisions),
                // who decided, by name: a person reads names, never login ids
                Map.entry("names", people.names(decisions.stream().map(NoticeDecision::decidedBy).toList())));
    }

    /** 已办 of the section's people: the notices they drafted, the 核稿 and 签发 they decided (a unit's people have none). */
    @GetMapping("/my/done/notices")
    CampaignService.NoticeWork doneNotices(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        return user.isSupervision() ? campaigns.workOf(user.id(), 200) : new CampaignService.NoticeWork(List.of(), List.of());
    }

    /** A 核稿 or 签发 as its form holds it, before it is handed in. */
    record DecisionDraft(Boolean approved, String comment) {}

    /** 科长核稿 and 领导签发 ask the rules as the person decides: the verdict handing the decision in would get. */
    @PostMapping("/campaigns/{id}/decision/check")
    Decisions.Verdict checkDecision(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                    @org.springframework.web.bind.annotation.RequestBody DecisionDraft d) {
        access.requireWatcher(user, id);
        return campaigns.checkDecision(d.approved(), d.comment());
    }

    private static void requireSupervision(CurrentUser user) {
        if (!user.isSupervision()) {
            throw new Forbidden("仅局机关人员可以访问");
        }
    }
}
