package cn.duban.document;

import cn.duban.campaign.CampaignService;
import cn.duban.campaign.DocumentNumbers;
import cn.duban.identity.CurrentUser;
import cn.duban.support.Forbidden;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notice as a document: its .docx and its preview, for the section (drafting, 核稿, 签发) and the units it reached
 * (签收); and the 发文字号 to suggest to its drafter.
 */
@RestController
class DocumentController {

    private final NoticeDocuments documents;
    private final CampaignService campaigns;
    private final DocumentNumbers numbers;
    private final Circulars circulars;

    private final cn.duban.campaign.CampaignAccess access;

    DocumentController(NoticeDocuments documents, CampaignService campaigns, DocumentNumbers numbers, Circulars circulars,
                       cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.circulars = circulars;
        this.documents = documents;
        this.campaigns = campaigns;
        this.numbers = numbers;
    }

    @GetMapping("/api/campaigns/{id}/notice.docx")
    ResponseEntity<byte[]> docx(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        requireReader(user, id);
        return DocumentFiles.attachment(documents.fileName(id, "docx"), DocumentFiles.DOCX, documents.docx(id));
    }

    /** The notice as a PDF in the same layout, with the fonts duban ships (for reading and printing anywhere). */
    @GetMapping("/api/campaigns/{id}/notice.pdf")
    ResponseEntity<byte[]> pdf(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        requireReader(user, id);
        return DocumentFiles.attachment(documents.fileName(id, "pdf"), MediaType.APPLICATION_PDF, documents.pdf(id));
    }

    @GetMapping(value = "/api/campaigns/{id}/notice.html", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ResponseEntity<String> html(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                jakarta.servlet.http.HttpServletResponse response) {
        requireReader(user, id);
        // the one page of the API shown in a frame (the 核稿, 签发 forms' preview): framed by duban's own pages only,
        // its own style allowed, nothing run (the API's other answers may not be framed at all)
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(documents.html(id));
    }

    /** What the drafting form has built, laid out as it would be issued (the drafter's preview before handing on). */
    record Preview(cn.duban.campaign.CampaignTemplate template, String title, String documentNumber, String deadline) {}

    @org.springframework.web.bind.annotation.PostMapping(value = "/api/campaigns/{id}/notice/preview", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ResponseEntity<String> preview(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                   @org.springframework.web.bind.annotation.RequestBody Preview body) {
        access.requireWatcher(user, id, "仅本通知的主办科室可以起草通知");
        if (body == null || body.template() == null) {
            throw new cn.duban.campaign.CampaignException("没有收到通知内容");
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(documents.preview(id, body.template(), body.title(), body.documentNumber(),
                        cn.duban.support.Dates.day(body.deadline(), "报送截止日期")));
    }

    /** 督办通报: the campaign's progress today, as a notice of the same issuer (the section only). */
    @GetMapping("/api/campaigns/{id}/circular.docx")
    ResponseEntity<byte[]> circular(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        requireSection(user, id);
        return word(cn.duban.support.FileNames.safeTitle(campaigns.get(id).shortTitle() + "-督办通报") + ".docx", circulars.circularDocx(id));
    }

    /** 督办单: a page for each unit near its due date or late, in its colour (the section only). */
    @GetMapping("/api/campaigns/{id}/supervision-orders.docx")
    ResponseEntity<byte[]> orders(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        requireSection(user, id);
        return word(cn.duban.support.FileNames.safeTitle(campaigns.get(id).shortTitle() + "-督办单") + ".docx", circulars.ordersDocx(id));
    }

    private static ResponseEntity<byte[]> word(String name, byte[] content) {
        return DocumentFiles.attachment(name, DocumentFiles.DOCX, content);
    }

    private void requireSection(CurrentUser user, String id) {
        access.requireWatcher(user, id, "仅运维人员、局领导和本通知的主办科室可以生成督办通报和督办单");
    }

    /** The drafter's suggestion: the issuer's next 发文字号 this year (empty before its first). */
    @GetMapping("/api/campaigns/{id}/document-number/suggestion")
    Map<String, String> suggestion(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        access.requireWatcher(user, id, "仅本通知的主办科室可以编发文字号");
        var c = campaigns.get(id);
        return Map.of("suggestion", numbers.suggestion(c.template().issuer()).map(Object::toString).orElse(""),
                "current", c.documentNumber() == null ? "" : c.documentNumber());
    }

    /** The section, and a unit the notice reached once it went out (a draft is the section's only). */
    private void requireReader(CurrentUser user, String id) {
        if (!access.readsNotice(user, id)) {
            throw new Forbidden("无权查看该通知");
        }
    }
}
