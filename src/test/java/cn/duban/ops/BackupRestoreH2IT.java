package cn.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * docs/operations.md's backup of the embedded default, for real: {@code POST /actuator/backup} (H2's online
 * {@code BACKUP TO}, then the attachments' files) while units hand in; restored as the manual says — the zip unpacked
 * into an empty data directory, the attachments copied beside it — and duban started on it (BackupRestoreScenario).
 */
class BackupRestoreH2IT extends BackupRestoreScenario {

    final Path base = Path.of("target", "backup-h2-" + System.nanoTime()).toAbsolutePath();
    H2Backup.Result backup;

    @Override
    List<String> liveArgs() {
        return args(base.resolve("live"));
    }

    static List<String> args(Path data) {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + data.resolve("duban") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
                "--duban.attachments.store.kind=files", "--duban.attachments.store.directory=" + data.resolve("attachments"),
                "--duban.ops.backup.directory=" + data.getParent().resolve("backups"));
    }

    @Override
    void backup(ConfigurableApplicationContext node) {
        backup = node.getBean(H2Backup.class).backup();
        assertThat(backup.databaseBytes()).isPositive();
        assertThat(backup.files()).isPositive();
    }

    @Override
    List<String> restore() throws IOException {
        Path data = base.resolve("restored");
        Files.createDirectories(data);
        Path dir = Path.of(backup.directory());
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(dir.resolve("duban.zip")))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Files.copy(zip, data.resolve(Path.of(e.getName()).getFileName().toString()));
            }
        }
        assertThat(data.resolve("duban.mv.db")).exists();
        Path from = dir.resolve("attachments");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = data.resolve("attachments").resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return args(data);
    }

}
