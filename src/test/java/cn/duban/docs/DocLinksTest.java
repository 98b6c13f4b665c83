package cn.duban.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/*.md link only to what exists: every link or image to a local path names a file of the
 * repository, every #anchor a heading of its page (GitHub's slugs). In the fast loop, so a moved page or screenshot
 * fails the build (.ci/doc-links.py says the same from the shell).
 */
class DocLinksTest {

    static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)|<img[^>]*\\bsrc=\"([^\"]+)\"");
    static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
    static final Pattern CODE = Pattern.compile("`[^`\\n]*`");
    static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyLocalLinkAndImageOfTheDocsResolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            String text = CODE.matcher(FENCE.matcher(Files.readString(page)).replaceAll("")).replaceAll("");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1) != null ? m.group(1) : m.group(2);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? "" : target.substring(hash + 1);
                Path full = path.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(path).normalize();
                if (!Files.exists(full)) {
                    broken.add(page + ": missing " + target);
                } else if (!anchor.isEmpty() && full.toString().endsWith(".md") && !slugs(full).contains(anchor)) {
                    broken.add(page + ": no heading for #" + anchor + " in " + path);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, -1, -2 for repeats. */
    static Set<String> slugs(Path page) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        Set<String> out = new HashSet<>();
        for (String line : FENCE.matcher(Files.readString(page)).replaceAll("").split("\n")) {
            Matcher h = HEADING.matcher(line);
            if (!h.matches()) {
                continue;
            }
            String s = h.group(1).replace("`", "").toLowerCase().replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
            int n = seen.merge(s, 1, Integer::sum) - 1;
            out.add(n == 0 ? s : s + "-" + n);
        }
        return out;
    }
}
