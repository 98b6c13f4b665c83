package cn.duban.export;

import cn.duban.report.Downloads;
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
    private final Downloads downloads;

    private final cn.duban.campaign.CampaignAccess access;

    ExportController(ExportService exports, Downloads downloads, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.exports = exports;
        this.downloads = downloads;
    }

    @GetMapping("/api/campaigns/{id}/exports/summary.xlsx")
    ResponseEntity<StreamingResponseBody> summary(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                                                  @PathVariable String id) throws IOException {
        requireSupervision(user, id);
        downloads.admit(user.id());
        Path built = build(out -> exports.summaryWorkbook(id, out));
        downloads.record(id, null, "全县汇总表", user.id());
        return streamed(XLSX, exports.fileName(id, "全县汇总表", null, "xlsx"), built);
    }

    @GetMapping("/api/campaigns/{id}/units/{unit}/report.xlsx")
    ResponseEntity<byte[]> unit(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                @PathVariable String unit) {
        return unitFile(user, id, unit, "只能下载本单位的统计表", "单位统计表", "统计表", () -> exports.unitWorkbook(id, unit));
    }

    /**
     * The notice's blank forms as the unit fills them offline (each form a sheet, its own rows printed: its sub-units,
     * the fixed rows), downloadable from 签收 on; what the unit types in duban is still what counts.
     */
    @GetMapping("/api/campaigns/{id}/units/{unit}/blank.xlsx")
    ResponseEntity<byte[]> blank(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                 @PathVariable String unit) {
        return unitFile(user, id, unit, "只能下载本单位的空白表", "空白统计表", "空白统计表", () -> exports.blankWorkbook(id, unit));
    }

    /** A unit's own workbook: its people and the notice's office only, throttled, audited as {@code recorded}. */
    private ResponseEntity<byte[]> unitFile(CurrentUser user, String id, String unit, String refusal, String recorded, String named,
                                            java.util.function.Supplier<byte[]> build) {
        if (!access.seesUnit(user, id, unit)) {
            throw new Forbidden(refusal);
        }
        downloads.admit(user.id());
        byte[] content = build.get();
        downloads.record(id, unit, recorded, user.id());
        return file(XLSX, exports.fileName(id, named, unit, "xlsx"), content);
    }

    @GetMapping("/api/series/{id}/matrix.xlsx")
    ResponseEntity<byte[]> series(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        requireSupervision(user, id);
        downloads.admit(user.id());
        byte[] content = exports.seriesWorkbook(id);
        downloads.record(id, null, "定期报送各期情况", user.id());
        return file(XLSX, exports.fileName(id, "各期报送情况", null, "xlsx"), content);
    }

    @GetMapping("/api/campaigns/{id}/exports/package.zip")
    ResponseEntity<StreamingResponseBody> upward(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                                                 @PathVariable String id) throws IOException {
        requireSupervision(user, id);
        downloads.admit(user.id());
        Path built = build(out -> exports.upwardPackage(id, out));
        downloads.record(id, null, "上报材料包", user.id());
        return streamed(MediaType.parseMediaType("application/zip"), exports.fileName(id, "上报材料", null, "zip"), built);
    }

    /**
     * Builds a download whole into a temporary file before the answer starts: one that fails answers an error
     * (500 with a Chinese message), never 200 with half a file.
     */
    private static Path build(java.util.function.Consumer<OutputStream> writer) throws IOException {
        Path built = Files.createTempFile("duban-export-", ".tmp");
        try (OutputStream out = Files.newOutputStream(built)) {
            writer.accept(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(built);
            throw e;
        }
        return built;
    }

    /** Streams a built file with its length, and removes it once sent (or once the client went away). */
    private static ResponseEntity<StreamingResponseBody> streamed(MediaType type, String name, Path built) throws IOException {
        StreamingResponseBody body = out -> {
            try {
                Files.copy(built, out);
            } finally {
                Files.deleteIfExists(built);
            }
        };
        return ResponseEntity.ok().contentType(type).contentLength(Files.size(built))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(name)).body(body);
    }

    private static ResponseEntity<byte[]> file(MediaType type, String name, byte[] content) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition(name)).body(content);
    }

    private static String disposition(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }

    private void requireSupervision(CurrentUser user, String id) {
        access.requireWatcher(user, id, "仅本通知的主办科室、局领导和运维人员可以下载全县汇总");
    }
}
