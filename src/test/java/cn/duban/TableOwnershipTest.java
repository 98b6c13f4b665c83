package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each of duban's tables has one owning package: only it writes the table, and other packages read it only where
 * this test names them and why (issue #18: repositories used across features). The other features go through the
 * owner's services. Checked on the SQL in the main sources (comments left out), without Spring.
 */
class TableOwnershipTest {

    static final Path SOURCES = Path.of("src/main/java/cn/duban");

    /** Table → the package that owns it. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("duban_unit", "unit"),
            Map.entry("duban_unit_type", "unit"),
            Map.entry("duban_unit_change", "unit"),
            Map.entry("duban_calendar_year", "calendar"),
            Map.entry("duban_template_version", "campaign"),
            Map.entry("duban_template_retired", "campaign"),
            Map.entry("duban_template_change", "campaign"),
            Map.entry("duban_template", "campaign"),
            Map.entry("duban_campaign", "campaign"),
            Map.entry("duban_notice_decision", "campaign"),
            Map.entry("duban_notice_draft", "campaign"),
            Map.entry("duban_document_number", "campaign"),
            Map.entry("duban_circular", "document"),
            Map.entry("duban_series_period", "series"),
            Map.entry("duban_campaign_unit", "report"),
            Map.entry("duban_report", "report"),
            Map.entry("duban_report_value", "report"),
            Map.entry("duban_report_text", "report"),
            Map.entry("duban_attachment", "report"),
            Map.entry("duban_attachment_chunk", "report"),
            Map.entry("duban_campaign_storage", "report"),
            Map.entry("duban_contribution", "report"),
            Map.entry("duban_download", "report"),
            Map.entry("duban_report_draft", "report"),
            Map.entry("duban_unit_withdrawal", "report"),
            Map.entry("duban_office", "office"),
            Map.entry("duban_late_addition", "report"),
            Map.entry("duban_urge", "reminder"),
            Map.entry("duban_outbox", "mail"),
            Map.entry("duban_calendar_day", "calendar"),
            Map.entry("duban_calendar_change", "calendar"),
            Map.entry("duban_login_throttle", "identity"),
            Map.entry("duban_account_change", "identity"),
            Map.entry("duban_alert", "ops"));

    /** Reads outside the owner, each with its reason. */
    static final Map<String, Set<String>> READERS = Map.of(
            // who may read a notice: a unit it went to (campaign cannot ask report, which depends on it)
            "duban_campaign_unit", Set.of("campaign"),
            // the reporting queries join the unit's name into each line of a summary of 10,000 units
            "duban_unit", Set.of("report"),
            // the audit trail reads every feature's record of who did what, in one place
            "duban_report", Set.of("audit"),
            "duban_contribution", Set.of("audit"),
            "duban_download", Set.of("audit"),
            "duban_urge", Set.of("audit"),
            "duban_unit_withdrawal", Set.of("audit"),
            "duban_late_addition", Set.of("audit"));

    static final Pattern TABLE = Pattern.compile("\\bduban_[a-z_]+\\b");
    static final Pattern WRITE = Pattern.compile("\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+(duban_[a-z_]+)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableIsWrittenByItsOwnerAndReadOnlyWhereNamed() throws IOException {
        Map<String, Set<String>> reads = new TreeMap<>();
        Map<String, Set<String>> writes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f).getParent() == null ? "" : SOURCES.relativize(f).getName(0).toString();
                String code = withoutComments(Files.readString(f));
                Matcher m = TABLE.matcher(code);
                while (m.find()) {
                    reads.computeIfAbsent(m.group(), k -> new TreeSet<>()).add(pkg);
                }
                Matcher w = WRITE.matcher(code);
                while (w.find()) {
                    writes.computeIfAbsent(w.group(2), k -> new TreeSet<>()).add(pkg);
                }
            }
        }
        assertThat(reads.keySet()).as("every table in the SQL has an owner here").isSubsetOf(OWNER.keySet());
        assertThat(reads).as("reads").containsKeys("duban_report", "duban_unit", "duban_outbox");
        writes.forEach((table, pkgs) -> assertThat(pkgs).as("packages writing " + table).containsOnly(OWNER.get(table)));
        reads.forEach((table, pkgs) -> {
            Set<String> allowed = new TreeSet<>(READERS.getOrDefault(table, Set.of()));
            allowed.add(OWNER.get(table));
            assertThat(pkgs).as("packages reading " + table).isSubsetOf(allowed);
        });
    }

    @Test
    void theScanSeesSqlAndNotComments() {
        String code = withoutComments("""
                // duban_outbox in a comment
                /** duban_unit in Javadoc */
                jdbc.sql("UPDATE duban_report SET status = ?");""");
        assertThat(TABLE.matcher(code).results().map(java.util.regex.MatchResult::group).toList()).isEqualTo(List.of("duban_report"));
        assertThat(WRITE.matcher(code).find()).isTrue();
    }

    static String withoutComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }
}
