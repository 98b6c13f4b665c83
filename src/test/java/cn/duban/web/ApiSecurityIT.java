package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.process.UnitReportProcess;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** Over real HTTP: nobody anonymous gets in, and a unit sees and touches only its own work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class ApiSecurityIT {

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired cn.duban.report.ReportService reports;
    @Autowired cn.duban.report.AttachmentService attachments;

    String campaignId;
    String templateCode;

    @Autowired org.camunda.bpm.engine.ProcessEngine engine;

    @BeforeEach
    void campaign() {
        cn.duban.SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        if (campaignId == null) {
            CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
            templateCode = t.code();
            campaignId = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        }
    }

    @Test
    void anonymousRequestsGet401Everywhere() {
        for (String path : new String[] {"/engine-rest/task", "/engine-rest/process-definition", "/api/templates",
                "/api/campaigns", "/api/campaigns/" + campaignId, "/api/campaigns/" + campaignId + "/units/rmyy",
                "/api/campaigns/" + campaignId + "/summary", "/api/attachments/1", "/api/outbox",
                "/api/campaigns/" + campaignId + "/exports/summary.xlsx", "/api/campaigns/" + campaignId + "/exports/package.zip",
                "/api/campaigns/" + campaignId + "/units/rmyy/report.xlsx", "/api/calendar/2024-10-01"}) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(http.withBasicAuth("rmyy-reporter", "wrong").getForEntity("/api/campaigns", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/templates", String.class).getBody()).contains("请先登录");
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** Every endpoint duban maps, found from Spring's own mapping table, answers 401 to an anonymous caller. */
    @Test
    void everyMappedEndpointRefusesAnonymousCallers() {
        int walked = 0;
        for (var info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                var methods = info.getMethodsCondition().getMethods().isEmpty()
                        ? java.util.Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : info.getMethodsCondition().getMethods();
                for (var method : methods) {
                    var response = http.exchange(path, HttpMethod.valueOf(method.name()), HttpEntity.EMPTY, String.class);
                    assertThat(response.getStatusCode()).as(method + " " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
                    walked++;
                }
            }
        }
        assertThat(walked).as("endpoints walked").isGreaterThanOrEqualTo(15);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aUnitSeesOnlyItsOwnReportAndTasks() {
        var own = http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/campaigns/" + campaignId + "/units/rmyy", Map.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        var other = http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/campaigns/" + campaignId + "/units/zyy", Map.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getBody().get("message")).isEqualTo("只能查看本单位的报送");
        assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/campaigns/" + campaignId + "/summary", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // downloads: its own table yes, another unit's or the county's no
        assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/campaigns/" + campaignId + "/units/rmyy/report.xlsx",
                byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String path : new String[] {"/units/zyy/report.xlsx", "/exports/summary.xlsx", "/exports/package.zip"}) {
            assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/campaigns/" + campaignId + path, String.class)
                    .getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.withBasicAuth("drafter1", "test").getForEntity("/api/campaigns/" + campaignId + "/exports/summary.xlsx",
                byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // the audit lists who downloaded which export, and only the section may read it
        var audit = http.withBasicAuth("drafter1", "test").getForEntity("/api/campaigns/" + campaignId + "/audit?kind=all&size=200", Map.class);
        assertThat((List<Map<String, Object>>) audit.getBody().get("entries")).extracting(e -> e.get("who") + " " + e.get("what"))
                .contains("drafter1 下载 全县汇总表", "rmyy-reporter 下载 单位统计表", "drafter1 创建活动草稿（模板 " + templateCode + "）")
                .anyMatch(line -> line.startsWith("head1 核稿通过"))
                .anyMatch(line -> line.startsWith("leader1 办结任务“领导签发”"));
        // by default only state changes; downloads on their own; one person's; a page at a time
        var changes = http.withBasicAuth("drafter1", "test").getForEntity("/api/campaigns/" + campaignId + "/audit", Map.class).getBody();
        assertThat((List<Map<String, Object>>) changes.get("entries")).isNotEmpty().noneMatch(e -> ((String) e.get("what")).startsWith("下载"));
        var downloads = http.withBasicAuth("drafter1", "test").getForEntity("/api/campaigns/" + campaignId
                + "/audit?kind=downloads&who=rmyy-reporter", Map.class).getBody();
        assertThat((List<Map<String, Object>>) downloads.get("entries")).extracting(e -> e.get("what")).containsOnly("下载 单位统计表");
        var first = http.withBasicAuth("drafter1", "test").getForEntity("/api/campaigns/" + campaignId + "/audit?size=2", Map.class).getBody();
        assertThat((List<?>) first.get("entries")).hasSize(2);
        assertThat(((Number) first.get("total")).intValue()).isGreaterThan(2);
        var bad = http.withBasicAuth("drafter1", "test").getForEntity("/api/campaigns/" + campaignId + "/audit?size=100000", Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) bad.getBody().get("message")).isEqualTo("每页条数应在 1～200 之间");
        assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/campaigns/" + campaignId + "/audit", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // through Camunda's REST API, as Tasklist asks: only its own unit's task is listed
        ResponseEntity<Object[]> tasks = http.withBasicAuth("rmyy-reporter", "test").getForEntity(
                "/engine-rest/task?processInstanceBusinessKeyLike={key}", Object[].class, campaignId + "%");
        assertThat(tasks.getBody()).hasSize(1);
        String zyyTask = driver.unitTask(campaignId, "zyy", UnitReportProcess.SIGN_NOTICE).getId();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        var complete = http.withBasicAuth("rmyy-reporter", "test").exchange("/engine-rest/task/" + zyyTask + "/submit-form",
                HttpMethod.POST, new HttpEntity<>("{\"variables\":{\"reporter\":{\"value\":\"rmyy-reporter\"}}}", json), String.class);
        assertThat(complete.getStatusCode().value()).isIn(403, 404);
        assertThat(driver.unitTask(campaignId, "zyy", UnitReportProcess.SIGN_NOTICE).getId()).isEqualTo(zyyTask);
    }

    @Test
    void onlyDraftersStartCampaignsOnlyReviewersReviewOnlyAdminsManageUsers() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        long campaignsBefore = count("drafter1", "/engine-rest/process-instance/count?processDefinitionKey=campaign");
        var start = http.withBasicAuth("rmyy-reporter", "test").exchange("/engine-rest/process-definition/key/campaign/start",
                HttpMethod.POST, new HttpEntity<>("{\"variables\":{\"templateCode\":{\"value\":\"yiyuan-health-2024-315\"}}}", json), String.class);
        assertThat(start.getStatusCode().value()).isIn(403, 404);
        assertThat(count("drafter1", "/engine-rest/process-instance/count?processDefinitionKey=campaign")).isEqualTo(campaignsBefore);

        var user = http.withBasicAuth("rmyy-reporter", "test").exchange("/engine-rest/user/create", HttpMethod.POST,
                new HttpEntity<>("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}", json), String.class);
        assertThat(user.getStatusCode().value()).isIn(403, 404);
        assertThat(count("admin", "/engine-rest/user/count?id=intruder")).isZero();

        // the review task exists only for reviewers: a unit user does not even see it
        driver.sign(campaignId, "zyy");
        driver.stage(campaignId, "zyy", true, true);
        driver.handIn(campaignId, "zyy", cn.duban.Driver.seed000Figures("1"), java.util.List.of());
        String review = driver.unitTask(campaignId, "zyy", cn.duban.process.UnitReportProcess.REVIEW_REPORT).getId();
        // zyy's photo: its own people and the section may open it, another unit may not
        long photo = reports.versions(campaignId, "zyy").get(0).attachments().get(0).id();
        assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/attachments/" + photo, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("zyy-reporter", "test").getForEntity("/api/attachments/" + photo, byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("reviewer1", "test").getForEntity("/api/attachments/" + photo, byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("rmyy-reporter", "test").exchange("/api/attachments/" + photo, HttpMethod.DELETE,
                HttpEntity.EMPTY, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var approve = http.withBasicAuth("zyy-reporter", "test").exchange("/engine-rest/task/" + review + "/submit-form", HttpMethod.POST,
                new HttpEntity<>("{\"variables\":{\"reportApproved\":{\"value\":true}}}", json), String.class);
        assertThat(approve.getStatusCode().value()).isIn(403, 404);
        assertThat(driver.unitTask(campaignId, "zyy", cn.duban.process.UnitReportProcess.REVIEW_REPORT).getId()).isEqualTo(review);
    }

    long count(String user, String path) {
        return ((Number) http.withBasicAuth(user, user.equals("admin") ? "admin" : "test").getForEntity(path, Map.class)
                .getBody().get("count")).longValue();
    }

    @Test
    void theFigureCheckAnswersOnlyThoseWhoMayReadTheNotice() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        var figures = new HttpEntity<>("{\"1\":\"5\"}", json);
        String other = driver.issue(driver.startCampaign(templateCode, LocalDate.now().plusDays(10).toString()));
        // rmyy is in the first campaign: it gets the check
        assertThat(http.withBasicAuth("rmyy-reporter", "test").postForEntity("/api/campaigns/" + campaignId + "/figures/check",
                figures, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // jjzx is in neither: the same 403 for a campaign that exists and one that does not
        for (String id : new String[] {campaignId, "C20990101-ffffff"}) {
            var r = http.withBasicAuth("jjzx-reporter", "test").postForEntity("/api/campaigns/" + id + "/figures/check", figures, Map.class);
            assertThat(r.getStatusCode()).as(id).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(r.getBody().get("message")).isEqualTo("无权查看该通知");
            assertThat(http.withBasicAuth("jjzx-reporter", "test").getForEntity("/api/campaigns/" + id, Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(other).isNotEqualTo(campaignId);
    }

    @Test
    void aUnitUploadsOnlyForItselfAndAnExecutableNamedJpgIsRefused() {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("kind", "PHOTO");
        form.add("file", new ByteArrayResource(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0}) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var exe = http.withBasicAuth("rmyy-reporter", "test").postForEntity(
                "/api/campaigns/" + campaignId + "/units/rmyy/attachments", new HttpEntity<>(form, headers), Map.class);
        assertThat(exe.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) exe.getBody().get("message")).contains("内容与扩展名不符");
        var foreign = http.withBasicAuth("rmyy-reporter", "test").postForEntity(
                "/api/campaigns/" + campaignId + "/units/zyy/attachments", new HttpEntity<>(form, headers), Map.class);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anOversizedUploadGetsDubansOwnMessageAndAZipRenamedDocxIsNoDocument() throws Exception {
        // over duban's 20 MB, under the container's limit: duban's message names the limit
        var over = upload("SUMMARY", "总结.pdf", pdfOf(20 * 1024 * 1024 + 1));
        assertThat(over.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) over.getBody().get("message")).contains("超过 20 MB 的上限");
        // over the container's limit too: still a Chinese answer, not an empty 413
        var huge = upload("SUMMARY", "总结.pdf", pdfOf(31 * 1024 * 1024));
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat((String) huge.getBody().get("message")).startsWith("上传的文件过大");
        var zip = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("照片/1.jpg"));
            z.write(cn.duban.Driver.JPEG);
            z.closeEntry();
        }
        var renamed = upload("SUMMARY", "总结.docx", zip.toByteArray());
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) renamed.getBody().get("message")).contains("不是有效的 DOCX 文档");
        assertThat(attachments.staged(campaignId, "rmyy")).noneMatch(a -> a.filename().startsWith("总结"));
    }

    static byte[] pdfOf(int size) {
        byte[] b = new byte[size];
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, b, 0, 9);
        return b;
    }

    @SuppressWarnings("rawtypes")
    org.springframework.http.ResponseEntity<Map> upload(String kind, String name, byte[] content) {
        return cn.duban.Uploads.post(http, campaignId, "rmyy", kind, name, cn.duban.Uploads.named(content, name));
    }

    @Test
    void onlyDraftersUploadTemplates() {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource("code: x".getBytes()) {
            @Override
            public String getFilename() {
                return "t.yaml";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(http.withBasicAuth("rmyy-reporter", "test").postForEntity("/api/templates", new HttpEntity<>(form, headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var bad = http.withBasicAuth("drafter1", "test").postForEntity("/api/templates", new HttpEntity<>(form, headers), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) bad.getBody().get("message")).contains("字段 title 必填");
    }
}
