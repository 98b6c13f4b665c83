-- Large media streamed to storage (issue 15): a file's bytes in chunks of 1 MB, written as they are read from the
-- upload on disk and read back one chunk at a time for a download or the upward package; never a whole file in memory.
CREATE TABLE duban_attachment_chunk (
    attachment_id BIGINT NOT NULL REFERENCES duban_attachment (id),
    chunk_no      INT    NOT NULL,
    bytes         BYTEA  NOT NULL,
    PRIMARY KEY (attachment_id, chunk_no)
);

-- the files stored so far (at most 20 MB each), one chunk each; the old column no longer holds them
INSERT INTO duban_attachment_chunk (attachment_id, chunk_no, bytes) SELECT id, 0, content FROM duban_attachment;
ALTER TABLE duban_attachment ALTER COLUMN content DROP NOT NULL;
UPDATE duban_attachment SET content = NULL;
