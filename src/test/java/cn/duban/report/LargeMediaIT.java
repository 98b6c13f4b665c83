package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
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
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/**
 * A video larger than duban's default file limit, over real HTTP: a kind that allows it takes it, its structure is
 * checked on disk, it is stored in 1 MB chunks, comes back byte for byte, and a kind that does not allow it (or a
 * file over the kind's own limit) is refused by name. (What streaming saves in memory: UploadStreamingBenchmark.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class LargeMediaIT {

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void aVideoOverTheDefaultLimitIsStreamedInChunksAndComesBackWhole() throws Exception {
        cn.duban.SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        Path drill = Files.createTempFile("drill", ".yaml");
        Files.writeString(drill, new org.springframework.core.io.ClassPathResource("campaigns/yiyuan-health-2024-315.yaml")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8).replaceFirst("(?m)^attachments:\\n(  .*\\n)+", "")
                + "\nattachments:\n  kinds:\n    - {code: VIDEO, label: 演练视频, accept: [video], min: 1, maxSizeMb: 24}\n"
                + "    - {code: PHOTO, label: 现场照片, accept: [image], min: 0}\n");
        var t = driver.uploadVariant(drill, "  units: [rmyy]");
        String id = driver.issue(driver.startCampaign(t.code(), java.time.LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "rmyy");

        Path video = Files.createTempFile("drill", ".mp4");
        cn.duban.bench.UploadStreamingBenchmark.write(video, 23L * 1024 * 1024 + 123);
        var ok = upload(id, "VIDEO", "消防演练.mp4", video);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        long attachment = ((Number) ok.getBody().get("id")).longValue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_attachment_chunk WHERE attachment_id = ?").param(attachment).query(Integer.class).single())
                .as("1 MB chunks").isEqualTo(24);

        var back = http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/attachments/" + attachment, byte[].class);
        assertThat(back.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(back.getHeaders().getContentLength()).isEqualTo(Files.size(video));
        assertThat(sha(back.getBody())).isEqualTo(sha(Files.readAllBytes(video)));

        // the same video as a photo, and a video over the kind's own 24 MB: refused by name
        var asPhoto = upload(id, "PHOTO", "消防演练.mp4", video);
        assertThat(asPhoto.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) asPhoto.getBody().get("message")).contains("超过 20 MB 的上限");
        Path longer = Files.createTempFile("drill", ".mp4");
        cn.duban.bench.UploadStreamingBenchmark.write(longer, 24L * 1024 * 1024 + 1);
        var over = upload(id, "VIDEO", "全程录像.mp4", longer);
        assertThat(over.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) over.getBody().get("message")).contains("超过 24 MB 的上限");
        Files.delete(video);
        Files.delete(longer);
    }

    @SuppressWarnings("rawtypes")
    org.springframework.http.ResponseEntity<Map> upload(String campaignId, String kind, String name, Path file) {
        return cn.duban.Uploads.post(http, campaignId, "rmyy", kind, name, cn.duban.Uploads.named(file, name));
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
