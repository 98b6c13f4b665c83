package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A video larger than duban's default file limit, over real HTTP: a kind that allows it takes it, its structure is
 * checked on disk, it is stored where the profile keeps files — on the embedded H2, in the file store under the data
 * directory, named by its hash, with no byte of it in the database (issue 27 item 7: a 490 MB video in H2's own store
 * took H2 down) — comes back byte for byte, and is removed again when the unit deletes it, its space given back. A
 * kind that does not allow it (or a file over the kind's own limit) is refused by name. (What streaming saves in
 * memory: UploadStreamingBenchmark.)
 *
 * <p>The video's size is the test's: {@code -Dlarge-media.mb=490} sends the largest a template allows by default
 * (the limits of this test's context follow it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class LargeMediaIT {

    /** The video's size in MB (default 23: above the 20 MB every other kind allows, quick to send). */
    static final long MB = Long.getLong("large-media.mb", 23);

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("duban.attachments.max-media-bytes", () -> (MB + 2) * 1024 * 1024);
        registry.add("spring.servlet.multipart.max-file-size", () -> (MB + 7) + "MB");
    }

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired AttachmentStorage storage;

    /** Where this context keeps the files' bytes: the file store (the embedded default). */
    String expectedStore() {
        return "file:";
    }

    @Test
    void aVideoOverTheDefaultLimitIsStoredByItsProfilesStoreComesBackWholeAndIsRemovedAgain() throws Exception {
        cn.duban.SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        Path drill = Files.createTempFile("drill", ".yaml");
        Files.writeString(drill, new org.springframework.core.io.ClassPathResource("campaigns/yiyuan-health-2024-315.yaml")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8).replaceFirst("(?m)^attachments:\\n(  .*\\n)+", "")
                + "\nattachments:\n  kinds:\n    - {code: VIDEO, label: 演练视频, accept: [video], min: 1, maxSizeMb: " + (MB + 1) + "}\n"
                + "    - {code: PHOTO, label: 现场照片, accept: [image], min: 0}\n");
        var t = driver.uploadVariant(drill, "  units: [rmyy]");
        String id = driver.issue(driver.startCampaign(t.code(), java.time.LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "rmyy");

        Path video = Files.createTempFile("drill", ".mp4");
        cn.duban.bench.UploadStreamingBenchmark.write(video, MB * 1024 * 1024 + 123);
        String sha = sha(video);
        var ok = upload(id, "VIDEO", "消防演练.mp4", video);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        long attachment = ((Number) ok.getBody().get("id")).longValue();
        assertThat(ok.getBody().get("sha256")).isEqualTo(sha);
        String key = jdbc.sql("SELECT content_key FROM duban_attachment WHERE id = ?").param(attachment).query(String.class).single();
        assertThat(key).startsWith(expectedStore());
        int chunks = jdbc.sql("SELECT COUNT(*) FROM duban_attachment_chunk WHERE attachment_id = ?").param(attachment).query(Integer.class).single();
        boolean inFiles = expectedStore().equals("file:");
        Path stored = inFiles ? storage.directory().resolve(key.substring("file:".length())) : null;
        if (inFiles) {
            assertThat(chunks).as("no byte of it in the database").isZero();
            assertThat(stored.getFileName().toString()).as("named by its hash").startsWith(sha);
            assertThat(sha(stored)).isEqualTo(sha);
            assertThat(storage.directory().resolve("tmp")).isEmptyDirectory();
        } else {
            assertThat(chunks).as("1 MB chunks").isEqualTo((int) MB + 1);
        }
        assertThat(used("rmyy", id)).isEqualTo(Files.size(video));

        var back = http.withBasicAuth("rmyy-reporter", "test").execute("/api/attachments/" + attachment, HttpMethod.GET, null, r -> {
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(r.getHeaders().getContentLength()).isEqualTo(Files.size(video));
            try (InputStream in = r.getBody()) {
                return sha(in);
            }
        });
        assertThat(back).as("read back by its hash").isEqualTo(sha);

        // the same video as a photo, and a video over the kind's own limit: refused by name
        if (MB > 20) {
            var asPhoto = upload(id, "PHOTO", "消防演练.mp4", video);
            assertThat(asPhoto.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) asPhoto.getBody().get("message")).contains("超过 20 MB 的上限");
        }
        Path longer = Files.createTempFile("drill", ".mp4");
        cn.duban.bench.UploadStreamingBenchmark.write(longer, (MB + 1) * 1024 * 1024 + 1);
        var over = upload(id, "VIDEO", "全程录像.mp4", longer);
        assertThat(over.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) over.getBody().get("message")).contains("超过 " + (MB + 1) + " MB 的上限");
        Files.delete(longer);

        // the unit deletes it: gone from the store and the database, its space given back
        var deleted = http.withBasicAuth("rmyy-reporter", "test").exchange("/api/attachments/" + attachment, HttpMethod.DELETE, null, Map.class);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_attachment WHERE id = ?").param(attachment).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_attachment_chunk WHERE attachment_id = ?").param(attachment).query(Integer.class).single())
                .isZero();
        if (inFiles) {
            assertThat(stored).doesNotExist();
        }
        assertThat(used("rmyy", id)).isZero();
        assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/attachments/" + attachment, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // and the same video goes in again
        assertThat(upload(id, "VIDEO", "消防演练.mp4", video).getStatusCode()).isEqualTo(HttpStatus.OK);
        Files.delete(video);
    }

    /**
     * A file stored before the file store (in the database's chunks, as every file was) is read back and deleted
     * whatever the store takes now; its chunks go a batch per transaction, so that a large one never loads the
     * database at once.
     */
    @Test
    void aFileStoredInTheDatabaseBeforeIsReadAndDeletedWhateverTheStoreIsNow() throws Exception {
        driver.sectionPeople();
        String id = driver.issue(driver.startCampaign(driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy]").code(),
                java.time.LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "rmyy");
        int chunks = ChunkStore.REMOVE_BATCH * 2 + 3;
        byte[] chunk = new byte[1024];
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO duban_attachment (campaign_id, unit_code, kind, filename, content_type, size_bytes, sha256, uploaded_by,
                                              uploaded_at, content_key)
                VALUES (?, 'rmyy', 'SUMMARY', '旧总结.pdf', 'application/pdf', ?, 'x', 'rmyy-reporter', CURRENT_TIMESTAMP, 'pending')""")
                .params(id, (long) chunks * chunk.length).update(keys, "id");
        long attachment = keys.getKey().longValue();
        jdbc.sql("UPDATE duban_attachment SET content_key = ? WHERE id = ?").params("db:" + attachment, attachment).update();
        jdbc.sql("UPDATE duban_campaign_unit SET attachment_bytes = ? WHERE campaign_id = ? AND unit_code = 'rmyy'")
                .params((long) chunks * chunk.length, id).update();
        for (int no = 0; no < chunks; no++) {
            java.util.Arrays.fill(chunk, (byte) no);
            whole.write(chunk);
            jdbc.sql("INSERT INTO duban_attachment_chunk (attachment_id, chunk_no, bytes) VALUES (?, ?, ?)").params(attachment, no, chunk).update();
        }

        var back = http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/attachments/" + attachment, byte[].class);
        assertThat(back.getBody()).isEqualTo(whole.toByteArray());
        assertThat(http.withBasicAuth("rmyy-reporter", "test").exchange("/api/attachments/" + attachment, HttpMethod.DELETE, null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_attachment_chunk WHERE attachment_id = ?").param(attachment).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_attachment WHERE id = ?").param(attachment).query(Integer.class).single()).isZero();
        assertThat(used("rmyy", id)).isZero();
    }

    long used(String unit, String campaignId) {
        return jdbc.sql("SELECT attachment_bytes FROM duban_campaign_unit WHERE campaign_id = ? AND unit_code = ?").params(campaignId, unit)
                .query(Long.class).single();
    }

    @SuppressWarnings("rawtypes")
    org.springframework.http.ResponseEntity<Map> upload(String campaignId, String kind, String name, Path file) {
        return cn.duban.Uploads.post(http, campaignId, "rmyy", kind, name, cn.duban.Uploads.named(file, name));
    }

    static String sha(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return sha(in);
        }
    }

    static String sha(InputStream in) throws java.io.IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
