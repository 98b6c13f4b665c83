package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The file store of the embedded default, without Spring or a database (issue 27 item 7). */
class DirectoryStoreTest {

    @TempDir Path root;

    static final byte[] BYTES = "演练视频的内容".getBytes(StandardCharsets.UTF_8);
    static final String SHA = AttachmentService.sha256(AttachmentService.Upload.of(BYTES));

    @Test
    void anUploadIsWrittenAsideThenMovedIntoPlaceUnderItsHashAndReadBack() throws Exception {
        DirectoryStore store = new DirectoryStore(root);
        String key;
        try (var pending = store.begin(AttachmentService.Upload.of(BYTES))) {
            assertThat(root.resolve("tmp")).isDirectoryContaining(p -> p.toString().endsWith(".part"));
            key = pending.commit(7, SHA);
        }
        assertThat(key).isEqualTo("file:" + SHA.substring(0, 2) + "/" + SHA + "-7");
        assertThat(root.resolve("tmp")).isEmptyDirectory();
        assertThat(store.holds(key)).isTrue();
        assertThat(store.holds("db:7")).isFalse();
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        store.copyTo(key, 7, back);
        assertThat(AttachmentService.sha256(AttachmentService.Upload.of(back.toByteArray()))).isEqualTo(SHA);

        store.remove(key, 7);
        assertThat(root.resolve(key.substring(5))).doesNotExist();
        store.remove(key, 7); // gone already: nothing to do
    }

    @Test
    void anUploadNotCommittedOrRolledBackLeavesNothing() {
        DirectoryStore store = new DirectoryStore(root);
        try (var pending = store.begin(AttachmentService.Upload.of(BYTES))) {
            // refused before its row was written
        }
        assertThat(root.resolve("tmp")).isEmptyDirectory();

        TransactionSynchronizationManager.initSynchronization();
        try {
            String key;
            try (var pending = store.begin(AttachmentService.Upload.of(BYTES))) {
                key = pending.commit(8, SHA);
            }
            assertThat(root.resolve(key.substring(5))).exists();
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
            assertThat(root.resolve(key.substring(5))).as("the transaction rolled back: the file with it").doesNotExist();
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void theSweepDeletesOnlyOldFilesNoRowNames() throws Exception {
        DirectoryStore store = new DirectoryStore(root);
        String kept;
        String orphan;
        String young;
        try (var a = store.begin(AttachmentService.Upload.of(BYTES)); var b = store.begin(AttachmentService.Upload.of(BYTES));
             var c = store.begin(AttachmentService.Upload.of(BYTES))) {
            kept = a.commit(1, SHA);
            orphan = b.commit(2, SHA);
            young = c.commit(3, SHA);
        }
        Path part = Files.writeString(root.resolve("tmp").resolve("crashed.part"), "x");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        for (String k : new String[] {kept, orphan}) {
            Files.setLastModifiedTime(root.resolve(k.substring(5)), old);
        }
        Files.setLastModifiedTime(part, old);

        assertThat(store.sweep(Set.of(kept), Duration.ofDays(1))).isEqualTo(2);
        assertThat(root.resolve(kept.substring(5))).exists();
        assertThat(root.resolve(young.substring(5))).as("an upload maybe still in flight").exists();
        assertThat(root.resolve(orphan.substring(5))).doesNotExist();
        assertThat(part).doesNotExist();
    }

    @Test
    void aKeyNeverReachesOutsideTheStore() {
        DirectoryStore store = new DirectoryStore(root);
        assertThatThrownBy(() -> store.copyTo("file:../../etc/passwd", 1, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.remove("file:tmp/x.part", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizesAreSaidAsAPersonReadsThem() {
        assertThat(AttachmentService.size(0)).isEqualTo("0 KB");
        assertThat(AttachmentService.size(100)).isEqualTo("1 KB");
        assertThat(AttachmentService.size(900 * 1024)).isEqualTo("900 KB");
        assertThat(AttachmentService.size(3L * 1024 * 1024)).isEqualTo("3 MB");
        assertThat(AttachmentService.size(2_764_800)).isEqualTo("2.64 MB");
        assertThat(AttachmentService.size(500L * 1024 * 1024)).isEqualTo("500 MB");
        assertThat(AttachmentService.size(2L * 1024 * 1024 * 1024)).isEqualTo("2 GB");
        assertThat(AttachmentService.size(50L * 1024 * 1024 * 1024)).isEqualTo("50 GB");
    }
}
