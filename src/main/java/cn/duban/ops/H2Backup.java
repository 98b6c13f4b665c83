package cn.duban.ops;

import cn.duban.support.DubanProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The embedded default's online backup, {@code POST /actuator/backup} (operators only; docs/operations.md, step 10):
 * while duban runs and units hand in, H2's {@code BACKUP TO} writes a transactionally consistent copy of the database
 * to {@code duban.ops.backup.directory/<time>/duban.zip}, and then the attachments' files are copied beside it
 * ({@code attachments/}). The database first, the files after: a file uploaded in between is one no row of the backup
 * names (the restored node's sweep deletes it a day later); every row of the backup finds its file, since a handed-in
 * file is never removed. Only for the embedded H2 in a file; PostgreSQL is backed up with {@code pg_dump}.
 */
@Component
@Endpoint(id = "backup")
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
class H2Backup {

    private static final Logger log = LoggerFactory.getLogger(H2Backup.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What was written: where, how large, how long it took. */
    record Result(String directory, long databaseBytes, int files, long fileBytes, long millis) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path root;
    private final Path attachments;

    H2Backup(JdbcClient jdbc, Clock clock, DubanProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.root = Path.of(settings.ops().backup().directory()).toAbsolutePath().normalize();
        this.attachments = Path.of(settings.attachments().store().directory()).toAbsolutePath().normalize();
    }

    @WriteOperation
    public Result backup() {
        long start = System.nanoTime();
        try {
            Path dir = root.resolve(LocalDateTime.now(clock).format(NAME));
            for (int i = 2; Files.exists(dir); i++) {
                dir = root.resolve(LocalDateTime.now(clock).format(NAME) + "-" + i);
            }
            Files.createDirectories(dir);
            Path zip = dir.resolve("duban.zip");
            jdbc.sql("BACKUP TO '" + zip.toString().replace("'", "''") + "'").update();
            long[] copied = {0, 0};
            Path target = dir.resolve("attachments");
            if (Files.isDirectory(attachments)) {
                Path tmp = attachments.resolve("tmp");
                Files.walkFileTree(attachments, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                        if (d.equals(tmp)) {
                            return FileVisitResult.SKIP_SUBTREE; // uploads in flight: not files yet
                        }
                        Files.createDirectories(target.resolve(attachments.relativize(d).toString()));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                        Files.copy(f, target.resolve(attachments.relativize(f).toString()));
                        copied[0]++;
                        copied[1] += attrs.size();
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
            Files.writeString(dir.resolve("恢复方法-RESTORE.txt"), """
                    督办内置数据库的备份（H2 数据库 duban.zip 与附件目录 attachments/）。恢复方法见 docs/operations.md 第 10 步：
                    停止督办；把 duban.zip 解压到数据目录（得到 duban.mv.db）；把 attachments/ 复制为数据目录下的 attachments/；启动督办。
                    A backup of duban's embedded database (duban.zip) and its attachments (attachments/). To restore: stop duban,
                    unzip duban.zip into the data directory, copy attachments/ to the data directory's attachments/, start duban.
                    """);
            Result r = new Result(dir.toString(), Files.size(zip), (int) copied[0], copied[1], (System.nanoTime() - start) / 1_000_000);
            log.info("Backup written to {}: database {} bytes, {} file(s) of {} bytes, {} ms", r.directory(), r.databaseBytes(), r.files(),
                    r.fileBytes(), r.millis());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("backup to " + root + " failed", e);
        }
    }
}
