package cn.duban.export;

import cn.duban.audit.AuditService;
import cn.duban.identity.CurrentUser;
import cn.duban.support.Forbidden;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The downloads: the section's county summary and upward package, a unit's own table (the unit and the section). */
@RestController
class ExportController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ExportService exports;
    private final AuditService audit;

    ExportController(ExportService exports, AuditService audit) {
        this.exports = exports;
        this.audit = audit;
    }

    @GetMapping("/api/campaigns/{id}/exports/summary.xlsx")
    ResponseEntity<byte[]> summary(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        requireSupervision(user);
        byte[] content = exports.summaryWorkbook(id);
        audit.downloaded(id, null, "全县汇总表", user.id());
        return file(XLSX, "全县汇总-" + id + ".xlsx", content);
    }

    @GetMapping("/api/campaigns/{id}/units/{unit}/report.xlsx")
    ResponseEntity<byte[]> unit(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                @PathVariable String unit) {
        if (!user.canSeeUnit(unit)) {
            throw new Forbidden("只能下载本单位的统计表");
        }
        byte[] content = exports.unitWorkbook(id, unit);
        audit.downloaded(id, unit, "单位统计表", user.id());
        return file(XLSX, "统计表-" + unit + "-" + id + ".xlsx", content);
    }

    @GetMapping("/api/campaigns/{id}/exports/package.zip")
    ResponseEntity<StreamingResponseBody> upward(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                                                 @PathVariable String id) throws IOException {
        requireSupervision(user);
        // built whole into a temporary file first: a package that fails answers an error, never 200 with half a zip
        Path built = Files.createTempFile("duban-package-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(built)) {
                exports.upwardPackage(id, out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(built);
            throw e;
        }
        audit.downloaded(id, null, "上报材料包", user.id());
        StreamingResponseBody body = out -> {
            try {
                Files.copy(built, out);
            } finally {
                Files.deleteIfExists(built);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip")).contentLength(Files.size(built))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition("上报材料-" + id + ".zip")).body(body);
    }

    private static ResponseEntity<byte[]> file(MediaType type, String name, byte[] content) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition(name)).body(content);
    }

    private static String disposition(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }

    private static void requireSupervision(CurrentUser user) {
        if (!user.isSupervision()) {
            throw new Forbidden("仅综合监督科人员可以下载全县汇总");
        }
    }
}
