package cn.duban.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The next version of duban, for an upgrade rehearsal: this build's classes and resources copied, with what a release
 * brings — a schema migration (an added table and column, the kind of change a rolling upgrade allows), a changed
 * model of the unit's report, and a later build (its version and time in build-info) — as a class path for a
 * {@link Node}. The code is this build's: a model change that needs new code is not rolled node by node
 * (docs/operations.md, step 11).
 */
final class NextVersion {

    static final String MIGRATION = "V9000__upgrade_rehearsal.sql";
    static final String VERSION = "0.2.0-rehearsal";

    private NextVersion() {}

    /** Builds it under target/next-version; returns its class path (this JVM's, the classes swapped). */
    static String classpath() {
        try {
            Path classes = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).map(Path::of)
                    .filter(p -> p.endsWith(Path.of("target", "classes"))).findFirst().orElseThrow();
            Path next = Path.of("target", "next-version", "classes").toAbsolutePath();
            if (Files.exists(next)) {
                try (Stream<Path> old = Files.walk(next)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.toList()) {
                    Path to = next.resolve(classes.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(next.resolve("db/migration").resolve(MIGRATION), """
                    -- the next version's schema change: additive, so the previous version's node keeps working beside it
                    CREATE TABLE duban_upgrade_rehearsal (id INT PRIMARY KEY, note VARCHAR(100));
                    ALTER TABLE duban_campaign_unit ADD COLUMN rehearsal_note VARCHAR(100);
                    """);
            Path model = next.resolve("processes/unitReport.bpmn");
            String bpmn = Files.readString(model, StandardCharsets.UTF_8);
            String changed = bpmn.replace("<bpmn:process id=\"unitReport\" name=\"单位报送\"",
                    "<bpmn:process id=\"unitReport\" name=\"单位报送\" camunda:versionTag=\"" + VERSION + "\"");
            if (changed.equals(bpmn)) {
                throw new IllegalStateException("unitReport.bpmn has changed: update NextVersion");
            }
            Files.writeString(model, changed, StandardCharsets.UTF_8);
            Path info = next.resolve("META-INF/build-info.properties");
            String later = Instant.now().plus(1, ChronoUnit.DAYS).toString();
            Files.writeString(info, Files.readAllLines(info).stream()
                    .map(l -> l.startsWith("build.time=") ? "build.time=" + later : l.startsWith("build.version=") ? "build.version=" + VERSION : l)
                    .collect(Collectors.joining("\n")) + "\n");
            return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                    .map(e -> Path.of(e).equals(classes) ? next.toString() : e).collect(Collectors.joining(java.io.File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
