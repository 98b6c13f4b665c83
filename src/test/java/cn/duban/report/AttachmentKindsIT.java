package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.campaign.TemplateCatalog;
import cn.duban.export.ExportService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A notice that names its own attachment kinds — a video of the drill (1 to 2, at most 1 MB here), the sign-in
 * sheet as a spreadsheet — through the task API: each file checked by its structure against its kind, each kind
 * counted at hand-in, each filed in its own folder of the upward package.
 */
@EngineTest
class AttachmentKindsIT {

    static final String TEMPLATE = """
            code: %s
            title: 关于开展2026年消防应急疏散演练的通知
            issuer: 某县卫生健康局
            section: 综合监督科
            noticeText: 各医疗卫生单位：请于本月内组织一次消防应急疏散演练，报送演练视频和签到表。
            targets: {units: [rmyy]}
            deadline: {daysAfterIssue: 10}
            attachments:
              kinds:
                - {code: VIDEO, label: 演练视频, accept: [video], min: 1, max: 2, maxSizeMb: 1}
                - {code: SIGNIN, label: 签到表, accept: [spreadsheet, document], min: 1}
            """;

    @Autowired Driver driver;
    @Autowired TemplateCatalog catalog;
    @Autowired AttachmentService attachments;
    @Autowired ReportService reports;
    @Autowired ExportService exports;

    @BeforeEach
    void people() {
        driver.sectionPeople();
    }

    @Test
    void eachKindTakesOnlyItsFilesAndIsCountedAndFiled() throws Exception {
        String code = "drill-" + System.nanoTime();
        catalog.upload(TEMPLATE.formatted(code), "drafter1");
        String id = driver.issue(driver.startCampaign(code, LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "rmyy");
        String who = "rmyy-reporter";

        assertThatThrownBy(() -> attachments.stage(id, "rmyy", "VIDEO", "现场.png", Driver.PNG, who))
                .hasMessage("文件“现场.png”不是 MP4、MOV、M4V、3GP 或 AVI 视频，或内容与扩展名不符");
        assertThatThrownBy(() -> attachments.stage(id, "rmyy", "VIDEO", "演练.mp4", new byte[1024 * 1024 + 1], who))
                .hasMessage("文件“演练.mp4”超过 1 MB 的上限");
        assertThatThrownBy(() -> attachments.stage(id, "rmyy", "PHOTO", "现场.png", Driver.PNG, who))
                .as("the default kinds are not this notice's").hasMessage("本通知的附件要求中没有“PHOTO”这一类");
        // issue 27 item 15: 24 bytes shaped like boxes are no video; a document carrying a program is refused by what it carries
        byte[] tiny = java.nio.ByteBuffer.allocate(24).putInt(16).put("ftypisom\0\0\2\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .putInt(8).put("moov".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).array();
        assertThatThrownBy(() -> attachments.stage(id, "rmyy", "VIDEO", "演练.mp4", tiny, who))
                .hasMessage("文件“演练.mp4”不是 MP4、MOV、M4V、3GP 或 AVI 视频，或内容与扩展名不符");
        assertThatThrownBy(() -> attachments.stage(id, "rmyy", "SIGNIN", "签到表.docx",
                FileTypesTest.docx(Map.of("word/embeddings/oleObject1.bin", FileTypesTest.packagedFile("签到.exe", FileTypesTest.program()))), who))
                .hasMessage("文件“签到表.docx”内嵌的对象（oleObject1.bin）是可执行程序，不能上传（文档中不能夹带程序）");
        assertThat(attachments.staged(id, "rmyy")).as("nothing stored").isEmpty();
        attachments.stage(id, "rmyy", "VIDEO", "演练.mp4", FileTypesTest.mp4("moov", "mdat"), who);

        // the sign-in sheet is missing: the hand-in says so by the kind's name
        assertThatThrownBy(() -> driver.handIn(id, "rmyy", Map.of(), List.of())).hasMessageContaining("至少需要 1 个“签到表”，现有 0 个");
        attachments.stage(id, "rmyy", "SIGNIN", "签到表.csv", "姓名,科室\n张三,急诊科\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), who);
        driver.handIn(id, "rmyy", Map.of(), List.of());
        driver.review(id, "rmyy", true, null, null);
        assertThat(reports.versions(id, "rmyy").get(0).attachments()).extracting(AttachmentInfo::kind).containsExactlyInAnyOrder("VIDEO", "SIGNIN");
        assertThat(attachments.kinds(catalog.get(code).attachments().effectiveKinds())).extracting(AttachmentService.KindView::field).containsExactly("kind_VIDEO", "kind_SIGNIN");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exports.upwardPackage(id, zip);
        List<String> names = new ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("沂源县人民医院/演练视频/演练.mp4", "沂源县人民医院/签到表/签到表.csv");
    }
}
