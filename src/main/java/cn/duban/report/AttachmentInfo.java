package cn.duban.report;

import java.time.LocalDateTime;

/** An attachment's metadata (never its bytes). {@code reportId} is null while it waits for the next submission. */
public record AttachmentInfo(
        long id, Long reportId, String kind, String filename, String contentType, long sizeBytes,
        String sha256, String uploadedBy, LocalDateTime uploadedAt) {}
