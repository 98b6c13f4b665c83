package cn.duban.report;

import cn.duban.support.Decisions;
import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.identity.CurrentUser;
import cn.duban.identity.People;
import cn.duban.identity.Roles;
import cn.duban.unit.Unit;
import cn.duban.unit.Units;
import cn.duban.support.Forbidden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** One unit's side of a campaign, as the unit forms and the review form read it; attachments. */
@RestController
@RequestMapping("/api")
class ReportController {

    private final CampaignService campaigns;
    private final ReportService reports;
    private final AttachmentService attachments;
    private final ContributionService contributions;
    private final Units units;
    private final IdentityService identityService;
    private final Downloads downloads;
    private final ReportDrafts drafts;
    private final People people;
    private final DoneWork doneWork;
    private final Rollups rollups;
    private final cn.duban.campaign.CampaignAccess access;

    ReportController(CampaignService campaigns, ReportService reports,
                     AttachmentService attachments, ContributionService contributions, Units units,
                     IdentityService identityService, Downloads downloads, ReportDrafts drafts, People people, DoneWork doneWork,
                     Rollups rollups, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.rollups = rollups;
        this.campaigns = campaigns;
        this.reports = reports;
        this.attachments = attachments;
        this.contributions = contributions;
        this.units = units;
        this.identityService = identityService;
        this.downloads = downloads;
        this.drafts = drafts;
        this.people = people;
        this.doneWork = doneWork;
    }

    /** Everything a unit's form shows: its items, its status and due date, every version, what it received. */
    @GetMapping("/campaigns/{id}/units/{unit}")
    Map<String, Object> unitView(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                                 @PathVariable String id, @PathVariable String unit) {
        requireUnit(user, id, unit);
        Campaign c = campaigns.get(id);
        UnitReport u = reports.unit(id, unit);
        Unit info = units.find(unit).orElseThrow();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("unit", info);
        view.put("status", u.status().name());
        view.put("statusLabel", u.status().label());
        view.put("dueDate", u.dueDate() == null ? "" : u.dueDate().toString());
        view.put("overdue", reports.isOverdue(u));
        view.put("reporter", u.reporterUser() == null ? "" : u.reporterUser());
        view.put("returnCount", u.returnCount());
        Map<String, Object> part = reports.partOf(c, unit);
        view.put("items", part.get("items"));
        view.put("dutyRoster", part.get("dutyRoster"));
        List<ReportVersion> versions = reports.versions(id, unit);
        view.put("versions", versions);
        // who handed in and who reviewed, by name: a person reads names, never login ids
        view.put("names", people.names(versions.stream().flatMap(v -> java.util.stream.Stream.of(v.submittedBy(), v.reviewedBy())).toList()));
        view.put("maxUploadBytes", attachments.maxBytes());
        view.put("attachmentKinds", attachments.kinds(rollups.part(c, unit).kinds()));
        // every kind of the notice by name (a roll-up's members' files are of their tier's kinds)
        view.put("kindLabels", c.template().attachments().effectiveKinds().stream().collect(java.util.stream.Collectors.toMap(
                cn.duban.campaign.CampaignTemplate.AttachmentKind::code, cn.duban.campaign.CampaignTemplate.AttachmentKind::label, (a, b) -> a)));
        // the unit's room for files in this campaign, said beside the upload fields
        view.put("attachmentSpace", attachments.space(id, unit));
        // the forms the unit fills, worked out once (its rows, carried cells): the first, and each
        List<Map<String, Object>> sheets = reports.sheets(c, unit);
        view.put("sheet", sheets.isEmpty() ? null : sheets.get(0));
        // every form of the notice (one, or 附件1, 附件2 … with several) as the fill-in form draws it
        view.put("sheets", sheets);
        // each version's every form as the views print it, in the order of versions
        view.put("tables", versions.stream().map(v -> reports.tableGrids(c, unit, v.values(), v.texts())).toList());
        // each version's table as the views print it (with columns), in the order of versions
        view.put("grids", reports.grids(c, unit,
                versions.stream().map(v -> new ReportService.Cells(v.values(), v.texts())).toList()));
        view.put("breaches", versions.isEmpty() ? List.of() : reports.breaches(c, versions.get(0)));
        view.put("staged", attachments.staged(id, unit));
        var received = contributions.receivedBy(id, unit);
        view.put("contributionsReceived", received);
        view.put("contributionsMissing", contributions.missingFor(id, unit));
        view.put("contributionFiles", contributions.stagedFiles(id, unit));
        // a roll-up: whom the unit reports to, and (for an intermediate) its members with their status and figures
        String intermediate = rollups.intermediateOf(c, unit);
        view.put("reportsTo", intermediate == null ? "" : units.find(intermediate).map(Unit::name).orElse(intermediate));
        view.put("members", reports.memberLines(c, rollups.membersOf(c, unit)));
        view.put("unitNames", units.findAll(received.stream().map(ContributionService.Contribution::fromUnit).distinct().toList())
                .values().stream().collect(java.util.stream.Collectors.toMap(Unit::code, Unit::name)));
        // withdrawn from the campaign by the section: why, by whom, when; and whether this person may withdraw it
        reports.withdrawal(id, unit).ifPresent(w -> view.put("withdrawal", Map.of("reason", w.reason(), "withdrawnAt", w.withdrawnAt(),
                "withdrawnByName", people.names(List.of(w.withdrawnBy())).getOrDefault(w.withdrawnBy(), "综合监督科"),
                "statusBeforeLabel", w.statusBefore().label())));
        view.put("mayWithdraw", access.decides(user, id) && c.status() == cn.duban.campaign.CampaignStatus.ISSUED
                && u.status() != UnitStatus.APPROVED && u.status() != UnitStatus.WITHDRAWN);
        view.put("people", identityService.createUserQuery().memberOfGroup(Roles.unitGroup(unit)).orderByUserId().asc().list()
                .stream().map(p -> Map.of("id", p.getId(), "name", cn.duban.identity.People.name(p))).toList());
        return view;
    }

    /** 已办: what the person's units handed in and what the person reviewed, newest first. */
    @GetMapping("/my/done")
    DoneWork.Lists done(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        return doneWork.of(user.id(), user.unitCodes());
    }

    /** The unit's unfinished report, for its own people only; {@code {}} when there is none. */
    @GetMapping("/campaigns/{id}/units/{unit}/draft")
    Map<String, Object> draft(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                              @PathVariable String unit) {
        requireOwnUnit(user, unit, "只能查看本单位暂存的内容");
        return drafts.find(id, unit).<Map<String, Object>>map(d -> Map.of("report", d.report(), "savedAt", d.savedAt(),
                "savedByName", people.names(List.of(d.savedBy())).getOrDefault(d.savedBy(), ""))).orElse(Map.of());
    }

    /** Saves the unit's unfinished report (as typed, and on 暂存) and answers with the rules' verdict on it. */
    @org.springframework.web.bind.annotation.PutMapping("/campaigns/{id}/units/{unit}/draft")
    ReportDrafts.Saved saveDraft(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                 @PathVariable String unit, @org.springframework.web.bind.annotation.RequestBody ReportPayload report) {
        requireOwnUnit(user, unit, "只能为本单位暂存填报内容");
        return drafts.save(id, unit, report, user.id());
    }

    /** A decision as the review or head-approval form holds it, before it is handed in. */
    record DecisionDraft(boolean review, Boolean approved, String comment, String newDueDate) {}

    /** 审核报送 and 单位负责人审批 ask the rules as the person decides: the verdict handing the decision in would get. */
    @PostMapping("/campaigns/{id}/units/{unit}/decision/check")
    Decisions.Verdict checkDecision(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                    @PathVariable String unit, @org.springframework.web.bind.annotation.RequestBody DecisionDraft d) {
        boolean mayReview = access.watches(user, id)
                || (!user.unitCodes().isEmpty() && rollups.isIntermediateFor(campaigns.get(id), unit, user.unitCodes()));
        if (d.review() ? !mayReview : !user.isIn(Roles.unitGroup(unit))) {
            throw new Forbidden("无权审核该单位的报送");
        }
        return reports.checkDecision(id, d.review(), d.approved(), d.comment(), d.newDueDate());
    }

    /** The fill-in form checks the figures as they are typed: bad values and rule breaches. */
    @PostMapping("/campaigns/{id}/figures/check")
    Map<String, Object> check(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                              @org.springframework.web.bind.annotation.RequestBody Map<String, String> values) {
        // the same answer for a campaign that does not exist as for one the person may not read
        if (!access.readsNotice(user, id)) {
            throw new Forbidden("无权查看该通知");
        }
        // a table with a row per sub-unit: the rows of the person's own unit
        return reports.checkFigures(id, user.unitCodes().size() == 1 ? user.unitCodes().iterator().next() : null, values);
    }

    @PostMapping("/campaigns/{id}/units/{unit}/attachments")
    AttachmentInfo upload(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                          @PathVariable String unit, @RequestParam("kind") String kind,
                          @RequestParam(name = "item", required = false) String item,
                          @RequestParam("file") MultipartFile file) throws IOException {
        if (!user.isIn(Roles.unitGroup(unit))) {
            throw new Forbidden("只能为本单位上传附件");
        }
        // the upload is on disk (Spring writes it there as it arrives): read by position and streamed to storage
        java.nio.file.Path onDisk = java.nio.file.Files.createTempFile("duban-upload-", ".part");
        try {
            file.transferTo(onDisk);
            return attachments.stage(id, unit, kind, item, file.getOriginalFilename(), AttachmentService.Upload.of(onDisk), user.id());
        } finally {
            java.nio.file.Files.deleteIfExists(onDisk);
        }
    }

    @DeleteMapping("/attachments/{attachmentId}")
    Map<String, Object> delete(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable long attachmentId) {
        var owner = attachments.owner(attachmentId).orElseThrow(() -> new Forbidden("附件不存在或无权访问"));
        if (!user.isIn(Roles.unitGroup(owner.unitCode()))) {
            throw new Forbidden("附件不存在或无权访问");
        }
        attachments.deleteStaged(attachmentId);
        return Map.of("deleted", attachmentId);
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> download(
            @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable long attachmentId) {
        var owner = attachments.owner(attachmentId).orElseThrow(() -> new Forbidden("附件不存在或无权访问"));
        // the unit's own people and the section; for a file sent with a contribution, also the item's lead unit
        boolean lead = owner.contributionId() != null && contributions.anyLeads(owner.campaignId(), owner.itemCode(), user.unitCodes());
        // in a two-level roll-up, the intermediate unit reads what its members handed in (not what they are still preparing)
        // (asked last: the review form loads every thumbnail through here)
        if (!lead && !mayRead(user, owner.campaignId(), owner.unitCode(), owner.reportId() != null)) {
            throw new Forbidden("附件不存在或无权访问");
        }
        boolean image = owner.contentType().startsWith("image/");
        downloads.admit(user.id());
        downloads.record(owner.campaignId(), owner.unitCode(), "附件 " + owner.filename(), user.id());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(owner.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.builder(image ? "inline" : "attachment")
                        .filename(owner.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentLength(owner.sizeBytes())
                // streamed a chunk at a time: a large video is never held in memory whole
                .body(out -> attachments.copyTo(attachmentId, out));
    }

    private static void requireOwnUnit(CurrentUser user, String unit, String refusal) {
        if (!user.isIn(Roles.unitGroup(unit))) {
            throw new Forbidden(refusal);
        }
    }

    /** The unit's own people, the notice's watchers, and in a roll-up the intermediate unit the unit reports to. */
    private void requireUnit(CurrentUser user, String campaignId, String unit) {
        if (!mayRead(user, campaignId, unit, true)) {
            throw new Forbidden("只能查看本单位的报送");
        }
    }

    /**
     * Who may read a unit's report in a campaign — the one rule of this controller: the unit's own people and the
     * notice's watchers ({@link cn.duban.campaign.CampaignAccess#seesUnit}), and in a roll-up the intermediate the unit
     * reports to, for what has been handed in.
     */
    private boolean mayRead(CurrentUser user, String campaignId, String unit, boolean handedIn) {
        return access.seesUnit(user, campaignId, unit) || (handedIn && !user.unitCodes().isEmpty()
                && rollups.isIntermediateFor(campaigns.get(campaignId), unit, user.unitCodes()));
    }
}
