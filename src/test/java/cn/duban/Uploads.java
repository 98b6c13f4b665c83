package cn.duban;

import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A unit's reporter uploading a file as the fill-in form does, over real HTTP: multipart, with its kind and name. */
public final class Uploads {

    private Uploads() {}

    @SuppressWarnings("rawtypes")
    public static ResponseEntity<Map> post(TestRestTemplate http, String campaignId, String unit, String kind, String name,
                                           AbstractResource content) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("kind", kind);
        form.add("file", content);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(unit + "-reporter", "test").postForEntity(
                "/api/campaigns/" + campaignId + "/units/" + unit + "/attachments", new HttpEntity<>(form, headers), Map.class);
    }

    /** Bytes sent under a file name. */
    public static AbstractResource named(byte[] content, String name) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    /** A file on disk sent under another name. */
    public static AbstractResource named(java.nio.file.Path file, String name) {
        return new FileSystemResource(file) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
