package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The limits on a unit's files, enforced at the upload however many arrive at once (issue 27 item 7): before, 70
 * parallel uploads left 49 where 40 may wait, and there was no limit on a unit's or a campaign's bytes. Over real
 * HTTP, on the embedded default (H2 and the file store), with limits a test can reach: 1 MB a file, 3 MB a unit,
 * 5 MB a campaign. A refusal is a Chinese 400 naming the limit and what is used, and stores nothing: every file in
 * the store is one a row names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "duban.attachments.max-bytes=1048576", "duban.attachments.max-media-bytes=1048576",
        "duban.attachments.unit-quota=3MB", "duban.attachments.campaign-quota=5MB"})
@ActiveProfiles("test")
@Import(Driver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentQuotaIT {

    static final long MB = 1024 * 1024;

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired JdbcClient jdbc;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired AttachmentStorage storage;

    Path files;

    @BeforeAll
    void videos() throws Exception {
        cn.duban.SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        files = Files.createTempDirectory("quota");
    }

    @AfterAll
    void cleanUp() throws Exception {
        try (Stream<Path> all = Files.list(files)) {
            for (Path f : all.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(files);
    }

    @Test
    void seventyParallelUploadsLeaveExactlyMaxStaged() throws Exception {
        String id = campaign();
        Path small = video("small.mp4", 2048);
        List<ResponseEntity<Map>> answers = parallel(70, i -> upload(id, "rmyy", "照片" + i + ".mp4", small));

        assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.OK).hasSize(40);
        assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.BAD_REQUEST).hasSize(30)
                .allSatisfy(a -> assertThat(a.getBody().get("message")).isEqualTo("待提交的附件已有 40 个（最多 40 个），请先提交或删除部分附件"));
        assertThat(staged(id, "rmyy")).isEqualTo(40);
        assertThat(used(id, "rmyy")).isEqualTo(40 * 2048);
        assertThat(campaignUsed(id)).isEqualTo(40 * 2048);
        storeHoldsExactlyTheRowsFiles();
    }

    @Test
    void aUnitOverItsQuotaIsRefusedInChineseWithNothingStoredAndDeletingGivesTheSpaceBack() throws Exception {
        String id = campaign();
        Path video = video("drill.mp4", 900 * 1024);
        // ten at once, 900 KB each, against 3 MB: exactly three fit
        List<ResponseEntity<Map>> answers = parallel(10, i -> upload(id, "rmyy", "演练" + i + ".mp4", video));
        assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.OK).hasSize(3);
        assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.BAD_REQUEST).hasSize(7)
                .allSatisfy(a -> assertThat((String) a.getBody().get("message"))
                        .matches("本单位在本通知中的附件已用 2\\.64 MB，上限 3 MB，文件“演练\\d\\.mp4”（900 KB）放不下；请删除部分待提交的附件，或压缩后再上传"));
        assertThat(staged(id, "rmyy")).isEqualTo(3);
        assertThat(used(id, "rmyy")).isEqualTo(3 * 900 * 1024);
        storeHoldsExactlyTheRowsFiles();

        // the campaign's 5 MB: another unit's two fit, its third not
        assertThat(upload(id, "dlz", "东里1.mp4", video).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(upload(id, "dlz", "东里2.mp4", video).getStatusCode()).isEqualTo(HttpStatus.OK);
        var over = upload(id, "dlz", "东里3.mp4", video);
        assertThat(over.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(over.getBody().get("message"))
                .isEqualTo("本通知各单位的附件合计已用 4.39 MB，上限 5 MB，文件“东里3.mp4”（900 KB）放不下；请联系综合监督科");
        assertThat(campaignUsed(id)).isEqualTo(5 * 900 * 1024);
        storeHoldsExactlyTheRowsFiles();

        // a file deleted gives its space back to the unit and the campaign
        long first = ((Number) answers.stream().filter(a -> a.getStatusCode() == HttpStatus.OK).findFirst().orElseThrow()
                .getBody().get("id")).longValue();
        assertThat(http.withBasicAuth("rmyy-reporter", "test").exchange("/api/attachments/" + first, HttpMethod.DELETE, null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(used(id, "rmyy")).isEqualTo(2 * 900 * 1024);
        assertThat(upload(id, "dlz", "东里3.mp4", video).getStatusCode()).isEqualTo(HttpStatus.OK);
        storeHoldsExactlyTheRowsFiles();

        // the fill-in form shows the unit's room beside its upload fields
        Map<?, ?> view = http.withBasicAuth("rmyy-reporter", "test").getForObject("/api/campaigns/" + id + "/units/rmyy", Map.class);
        assertThat(((Map<?, ?>) view.get("attachmentSpace")).get("said"))
                .isEqualTo("本单位在本通知中的附件已用 1.76 MB，上限 3 MB；待提交的附件 2 个，最多 40 个");
    }

    /** Every file in the store is one a row names, and every row's file is there: a refusal left nothing behind. */
    void storeHoldsExactlyTheRowsFiles() throws Exception {
        Set<String> keys = jdbc.sql("SELECT content_key FROM duban_attachment").query(String.class).list().stream()
                .filter(k -> k.startsWith("file:")).map(k -> k.substring("file:".length())).collect(Collectors.toSet());
        Path root = storage.directory();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).collect(Collectors.toSet()))
                    .isEqualTo(keys);
        }
    }

    String campaign() throws Exception {
        Path drill = Files.createTempFile(files, "drill", ".yaml");
        Files.writeString(drill, new org.springframework.core.io.ClassPathResource("campaigns/yiyuan-health-2024-315.yaml")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8).replaceFirst("(?m)^attachments:\\n(  .*\\n)+", "")
                + "\nattachments:\n  kinds:\n    - {code: VIDEO, label: 演练视频, accept: [video], min: 1, maxSizeMb: 1}\n");
        var t = driver.uploadVariant(drill, "  units: [rmyy, dlz]");
        String id = driver.issue(driver.startCampaign(t.code(), java.time.LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "rmyy");
        driver.sign(id, "dlz");
        return id;
    }

    Path video(String name, long size) throws Exception {
        Path f = files.resolve(name);
        Files.deleteIfExists(f);
        Files.createFile(f);
        cn.duban.bench.UploadStreamingBenchmark.write(f, size);
        return f;
    }

    /** {@code n} uploads started together, their answers in order. */
    @SuppressWarnings("rawtypes")
    List<ResponseEntity<Map>> parallel(int n, java.util.function.IntFunction<ResponseEntity<Map>> upload) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<Map>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int no = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return upload.apply(no);
                }));
            }
            start.countDown();
            List<ResponseEntity<Map>> out = new ArrayList<>();
            for (var f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> upload(String campaignId, String unit, String name, Path file) {
        return cn.duban.Uploads.post(http, campaignId, unit, "VIDEO", name, cn.duban.Uploads.named(file, name));
    }

    int staged(String campaignId, String unit) {
        return jdbc.sql("SELECT COUNT(*) FROM duban_attachment WHERE campaign_id = ? AND unit_code = ? AND report_id IS NULL")
                .params(campaignId, unit).query(Integer.class).single();
    }

    long used(String campaignId, String unit) {
        return jdbc.sql("SELECT attachment_bytes FROM duban_campaign_unit WHERE campaign_id = ? AND unit_code = ?")
                .params(campaignId, unit).query(Long.class).single();
    }

    long campaignUsed(String campaignId) {
        return jdbc.sql("SELECT attachment_bytes FROM duban_campaign_storage WHERE campaign_id = ?").param(campaignId)
                .query(Long.class).single();
    }
}
