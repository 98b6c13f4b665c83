package cn.duban.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the bytes of a unit's files live (issue 27 item 7): a file store under the data directory ({@link
 * DirectoryStore}, the embedded default) or the database ({@link ChunkStore}, the postgres profile). A row of
 * {@code duban_attachment} names its bytes by a key that says which ({@code file:…} or {@code db:…}), so a file is
 * read from where it was written, whatever the setting is now. Bytes are written once and never changed; a file kept
 * into a later version shares them.
 */
interface ContentStore {

    /**
     * Starts storing an upload: what can be done before its row exists and outside any lock (a file store copies
     * it into its own temporary file and flushes it to disk). {@link Pending#close} drops what was not committed.
     */
    Pending begin(AttachmentService.Upload content);

    /** An upload on its way in. */
    interface Pending extends AutoCloseable {

        /**
         * Puts the bytes in place for the attachment's row, in the caller's transaction: if that transaction rolls
         * back, nothing stays behind. Returns the key the row keeps.
         */
        String commit(long attachmentId, String sha256);

        @Override
        void close();
    }

    /** Whether this store holds the key (by its prefix). */
    boolean holds(String key);

    /** Writes the bytes to {@code out}, a piece at a time: a file is never held in memory whole. */
    void copyTo(String key, long attachmentId, OutputStream out) throws IOException;

    /**
     * Removes the bytes of a file whose row is removed, outside the request's transaction and in small steps, so that
     * removing a large file never loads the database with it (a 490 MB video deleted in one H2 transaction took H2
     * down). Removing what is already gone does nothing.
     */
    void remove(String key, long attachmentId);
}
