package cn.duban.document;

import cn.duban.campaign.CampaignService;
import cn.duban.identity.CurrentUser;
import cn.duban.identity.People;
import cn.duban.support.Decisions;
import cn.duban.support.FileNames;
import cn.duban.support.Forbidden;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 督办通报 sent for 核稿 and 签发: the section sends one from the 督办看板 and follows it there; the 科长 and the leader
 * read it in their task's form; once issued, the campaign's units read and download it. Nobody else, and no unit
 * before it is issued.
 */
@RestController
class CircularController {

    private final CircularApprovals circulars;
    private final CampaignService campaigns;
    private final People people;
    private final cn.duban.campaign.CampaignAccess access;

    CircularController(CircularApprovals circulars, CampaignService campaigns, People people, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.circulars = circulars;
        this.campaigns = campaigns;
        this.people = people;
    }

    /** A circular as its pages show it: who sent and decided it by name, never a login id. */
    record View(long id, String campaignId, String campaignTitle, String issueLabel, String title, String status, String statusLabel,
                String holdsBack, LocalDate asOf, String createdBy, LocalDateTime createdAt, String reviewedBy, LocalDateTime reviewedAt,
                String reviewVerdict, String reviewComment, String signedBy, LocalDateTime signedAt, String signVerdict,
                String signComment) {}

    /** An issued circular as a unit sees it: which one, of when, and its files — not who in the section decided what. */
    record UnitView(long id, String issueLabel, String title, LocalDate asOf, LocalDateTime signedAt) {
        static UnitView of(Circular c) {
            return new UnitView(c.id(), c.issueLabel(), c.title(), c.asOf(), c.signedAt());
        }
    }

    /** 送核稿签发: the circular of today's figures goes to the 科长. */
    @PostMapping("/api/campaigns/{id}/circulars")
    View send(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        if (!access.ofOffice(user, id)) {
            throw new Forbidden("仅本通知的主办科室可以送签督办通报");
        }
        return views(List.of(circulars.send(id, user.id()))).get(0);
    }

    /** The campaign's circulars: every one for the section, the issued ones for a unit the notice reached. */
    @GetMapping("/api/campaigns/{id}/circulars")
    List<?> list(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        if (access.watches(user, id)) {
            return views(circulars.list(id, false));
        }
        if (!campaigns.reachesAnyOf(id, user.unitCodes())) {
            throw new Forbidden("无权查看该通知的督办通报");
        }
        return circulars.list(id, true).stream().map(UnitView::of).toList();
    }

    /** 已办: the circulars the person sent, checked or signed, with who decided and how (a unit's people have none). */
    @GetMapping("/api/my/done/circulars")
    List<View> done(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        return user.isSupervision() ? views(circulars.workOf(user.id())) : List.of();
    }

    @GetMapping("/api/circulars/{circularId}")
    Object get(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable long circularId) {
        Circular c = readable(user, circularId);
        return access.watches(user, c.campaignId()) ? views(List.of(c)).get(0) : UnitView.of(c);
    }

    @GetMapping("/api/circulars/{circularId}/document.docx")
    ResponseEntity<byte[]> docx(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable long circularId) {
        return file(readable(user, circularId), "docx", DocumentFiles.DOCX, circulars.docx(circularId));
    }

    @GetMapping("/api/circulars/{circularId}/document.pdf")
    ResponseEntity<byte[]> pdf(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable long circularId) {
        return file(readable(user, circularId), "pdf", MediaType.APPLICATION_PDF, circulars.pdf(circularId));
    }

    private ResponseEntity<byte[]> file(Circular c, String extension, MediaType type, byte[] content) {
        String name = FileNames.safeTitle(campaigns.get(c.campaignId()).shortTitle() + "-督办通报" + c.issueLabel()) + "." + extension;
        return DocumentFiles.attachment(name, type, content);
    }

    /** The circular as it was sent, for the frame of the 核稿 and 签发 forms (framed by duban's own pages only, nothing run). */
    @GetMapping(value = "/api/circulars/{circularId}/document.html", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ResponseEntity<String> html(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable long circularId,
                                HttpServletResponse response) {
        readable(user, circularId);
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(circulars.html(circularId));
    }

    record DecisionDraft(Boolean approved, String comment) {}

    /** 核稿 and 签发 ask the rules as the person decides: the verdict handing the decision in would get. */
    @PostMapping("/api/circulars/{circularId}/decision/check")
    Decisions.Verdict check(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable long circularId,
                            @RequestBody DecisionDraft d) {
        Circular c = circulars.get(circularId);
        if (!access.watches(user, c.campaignId())) {
            throw new Forbidden("仅本通知的主办科室和局领导可以审批督办通报");
        }
        return circulars.check(d.approved(), d.comment());
    }

    private Circular readable(CurrentUser user, long circularId) {
        Circular c = circulars.get(circularId);
        if (access.watches(user, c.campaignId())) {
            return c;
        }
        if (c.status() == CircularStatus.ISSUED && campaigns.reachesAnyOf(c.campaignId(), user.unitCodes())) {
            return c;
        }
        throw new Forbidden("无权查看该督办通报");
    }

    private List<View> views(List<Circular> list) {
        Map<String, String> names = people.names(list.stream().flatMap(c -> Stream.of(c.createdBy(), c.reviewedBy(), c.signedBy())).toList());
        Map<String, String> titles = new java.util.HashMap<>();
        return list.stream().map(c -> new View(c.id(), c.campaignId(),
                titles.computeIfAbsent(c.campaignId(), k -> campaigns.get(k).title()), c.issueLabel(), c.title(), c.status().name(),
                c.statusLabel(), c.holdsBack(), c.asOf(), name(names, c.createdBy()), c.createdAt(), name(names, c.reviewedBy()),
                c.reviewedAt(), c.reviewVerdict(), c.reviewComment(), name(names, c.signedBy()), c.signedAt(), c.signVerdict(),
                c.signComment())).toList();
    }

    private static String name(Map<String, String> names, String id) {
        return id == null ? null : names.getOrDefault(id, "");
    }

}
