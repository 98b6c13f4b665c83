package cn.duban.report;

import java.io.IOException;
import java.io.OutputStream;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files in the database, in chunks of {@link AttachmentService#CHUNK_BYTES} ({@code duban_attachment_chunk}): the
 * postgres profile's store, read by every node of a cluster and saved by the database's own backups. Key:
 * {@code db:<attachment id>}, the row whose chunks hold the bytes.
 */
final class ChunkStore implements ContentStore {

    static final String PREFIX = "db:";

    /** Chunks removed per transaction: 16 MB, a bounded piece of work for the database whatever the file's size. */
    static final int REMOVE_BATCH = 16;

    private final ReportRepository reports;
    private final TransactionTemplate ownTransaction;

    ChunkStore(ReportRepository reports, PlatformTransactionManager transactions) {
        this.reports = reports;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Pending begin(AttachmentService.Upload content) {
        return new Pending() {
            @Override
            public String commit(long attachmentId, String sha256) {
                AttachmentService.chunks(content, (chunk, no) -> reports.insertChunk(attachmentId, no, chunk));
                return PREFIX + attachmentId;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public boolean holds(String key) {
        return key.startsWith(PREFIX);
    }

    @Override
    public void copyTo(String key, long attachmentId, OutputStream out) throws IOException {
        long owner = Long.parseLong(key.substring(PREFIX.length()));
        for (int no = 0; ; no++) {
            byte[] chunk = reports.chunk(owner, no);
            if (chunk == null) {
                return;
            }
            out.write(chunk);
        }
    }

    @Override
    public void remove(String key, long attachmentId) {
        long owner = Long.parseLong(key.substring(PREFIX.length()));
        for (int from = 0; ; from += REMOVE_BATCH) {
            int start = from;
            boolean more = Boolean.TRUE.equals(ownTransaction.execute(status -> {
                reports.deleteChunks(owner, start, start + REMOVE_BATCH);
                return reports.hasChunksFrom(owner, start + REMOVE_BATCH);
            }));
            if (!more) {
                return;
            }
        }
    }
}
