package cn.duban.report;

import cn.duban.support.DubanProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two places a file's bytes may live, and which one takes new uploads ({@code duban.attachments.store.kind}):
 * reads and removals go to wherever a row's key says, so files written under another setting stay readable.
 */
@Component
class AttachmentStorage {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentStorage.class);

    /** How old a file no row names must be before the sweep deletes it: far longer than any upload takes. */
    static final Duration ORPHAN_AGE = Duration.ofDays(1);

    private final ReportRepository reports;
    private final ChunkStore chunks;
    private final DirectoryStore directory;
    private final ContentStore forUploads;
    private final TransactionTemplate ownTransaction;

    AttachmentStorage(ReportRepository reports, DubanProperties settings, PlatformTransactionManager transactions) {
        this.reports = reports;
        this.chunks = new ChunkStore(reports, transactions);
        DubanProperties.Attachments.Store store = settings.attachments().store();
        this.directory = new DirectoryStore(Path.of(store.directory()));
        this.forUploads = store.kind() == DubanProperties.Attachments.Store.Kind.DATABASE ? chunks : directory;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        LOG.info("uploaded files are stored {}", forUploads == chunks ? "in the database" : "under " + directory.root());
    }

    ContentStore.Pending begin(AttachmentService.Upload content) {
        return forUploads.begin(content);
    }

    void copyTo(String key, long attachmentId, OutputStream out) throws IOException {
        of(key).copyTo(key, attachmentId, out);
    }

    /** A removed file's bytes, then its row; each step a short transaction of its own. */
    void purge(ReportRepository.Removed removed) {
        String key = removed.contentKey();
        boolean shared = Boolean.TRUE.equals(ownTransaction.execute(s -> reports.keySharedBeyond(key, removed.id())));
        if (!shared && !key.equals("pending")) {
            of(key).remove(key, removed.id());
        }
        ownTransaction.executeWithoutResult(s -> reports.deleteRemoved(removed.id()));
    }

    /**
     * At start-up: finishes the removals a stopped node left half done, and deletes files a crash left in the file
     * store that no row names (older than {@link #ORPHAN_AGE}).
     */
    @EventListener(ApplicationReadyEvent.class)
    void sweep() {
        var removed = ownTransaction.execute(s -> reports.removed());
        removed.forEach(this::purge);
        int orphans = directory.sweep(ownTransaction.execute(s -> reports.fileKeys()), ORPHAN_AGE);
        if (!removed.isEmpty() || orphans > 0) {
            LOG.info("file store swept: {} removed files purged, {} files no row names deleted", removed.size(), orphans);
        }
    }

    private ContentStore of(String key) {
        if (chunks.holds(key)) {
            return chunks;
        }
        if (directory.holds(key)) {
            return directory;
        }
        throw new IllegalStateException("no store holds " + key);
    }

    Path directory() {
        return directory.root();
    }
}
