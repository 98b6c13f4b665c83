package cn.duban.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files on the file system, one file each under a root directory (the embedded default, {@code ./data/attachments}
 * beside H2's {@code ./data/duban}): the database holds only their rows. An upload is copied into {@code tmp/}, flushed
 * to disk ({@code fsync}), and moved into place in one step (an atomic rename in the same directory tree) once its
 * row exists; a rolled-back upload's file is deleted, so a crash leaves at most a file no row names, which the sweep
 * at start-up deletes when it is a day old. Key: {@code file:ab/<sha-256>-<attachment id>}, named after the bytes'
 * hash (which the row keeps too) and unique per upload, so that removing one upload never touches another's bytes.
 */
final class DirectoryStore implements ContentStore {

    static final String PREFIX = "file:";
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryStore.class);

    private final Path root;
    private final Path tmp;

    DirectoryStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
    }

    Path root() {
        return root;
    }

    @Override
    public Pending begin(AttachmentService.Upload content) {
        Path part;
        try {
            Files.createDirectories(tmp);
            part = tmp.resolve(UUID.randomUUID() + ".part");
            try (InputStream in = content.open();
                 FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                in.transferTo(Channels.newOutputStream(out));
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the file store " + root + " cannot take the upload", e);
        }
        return new Pending() {
            private boolean moved;

            @Override
            public String commit(long attachmentId, String sha256) {
                String relative = sha256.substring(0, 2) + "/" + sha256 + "-" + attachmentId;
                Path target = file(relative);
                try {
                    Files.createDirectories(target.getParent());
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                    moved = true;
                    syncDirectory(target.getParent());
                } catch (IOException e) {
                    throw new UncheckedIOException("the file store " + root + " cannot keep the upload", e);
                }
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            if (status != STATUS_COMMITTED) {
                                deleteQuietly(target);
                            }
                        }
                    });
                }
                return PREFIX + relative;
            }

            @Override
            public void close() {
                if (!moved) {
                    deleteQuietly(part);
                }
            }
        };
    }

    @Override
    public boolean holds(String key) {
        return key.startsWith(PREFIX);
    }

    @Override
    public void copyTo(String key, long attachmentId, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file(key.substring(PREFIX.length())))) {
            in.transferTo(out);
        }
    }

    @Override
    public void remove(String key, long attachmentId) {
        try {
            Files.deleteIfExists(file(key.substring(PREFIX.length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes what a crash left behind: temporary files and files no row names, once they are older than {@code age}
     * (an upload in flight on another node is younger). Returns how many.
     */
    int sweep(Set<String> keys, Duration age) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant before = Instant.now().minus(age);
        int[] deleted = {0};
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                String relative = root.relativize(f).toString().replace('\\', '/');
                try {
                    if (!keys.contains(PREFIX + relative) && Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                        Files.delete(f);
                        deleted[0]++;
                    }
                } catch (IOException e) {
                    LOG.warn("could not sweep {}", f, e);
                }
            });
        } catch (IOException e) {
            LOG.warn("could not sweep the file store {}", root, e);
        }
        return deleted[0];
    }

    /** The file of a key's path, never outside the root. */
    private Path file(String relative) {
        Path f = root.resolve(relative).normalize();
        if (!f.startsWith(root) || f.startsWith(tmp)) {
            throw new IllegalArgumentException("not a file of the store: " + relative);
        }
        return f;
    }

    /** Makes the rename itself durable: the directory's entry flushed to disk (where the platform allows it). */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory: the rename is durable when the file system says so
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.warn("could not delete {}", f, e);
        }
    }
}
