package cn.duban.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/** Notices as long as a test needs: seed 000 with its items replaced by long ones, to an exact total of characters. */
public final class LongNotices {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LongNotices() {}

    /** Seed 000 as the drafting form builds it, its text fields together exactly {@code total} characters long. */
    public static CampaignTemplate seed000WithText(long total, char fill) {
        CampaignTemplate base;
        try {
            base = TemplateParser.parse(new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml").getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(TemplateParser.toJson(base));
            ArrayNode items = tree.putArray("items");
            long rest = total - TemplateParser.textLength(TemplateParser.fromJson(JSON.writeValueAsString(tree)));
            for (int i = 1; rest >= ("x" + i).length() + ("事项" + i).length() + TemplateParser.MAX_ITEM_TEXT; i++) {
                items.addObject().put("code", "x" + i).put("title", "事项" + i)
                        .put("text", String.valueOf(fill).repeat(TemplateParser.MAX_ITEM_TEXT));
                rest -= ("x" + i).length() + ("事项" + i).length() + TemplateParser.MAX_ITEM_TEXT;
            }
            if (rest < 0) {
                throw new IllegalArgumentException("seed 000 alone is longer than " + total);
            }
            // the rest in the body
            tree.put("noticeText", tree.get("noticeText").asText() + String.valueOf(fill).repeat((int) rest));
            CampaignTemplate t = TemplateParser.fromJson(JSON.writeValueAsString(tree));
            if (TemplateParser.textLength(t) != total) {
                throw new IllegalStateException("built " + TemplateParser.textLength(t) + " characters, not " + total);
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
