package cn.duban.document;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A 督办通报 sent for 核稿 and 签发: which campaign, which one of its circulars (第 N 期), where it stands, who decided. */
public record Circular(long id, String campaignId, int serial, CircularStatus status, String title, LocalDate asOf,
                       String createdBy, LocalDateTime createdAt, String reviewedBy, LocalDateTime reviewedAt,
                       String reviewComment, String signedBy, LocalDateTime signedAt, String signComment) {

    /** 第 N 期, as the document and the lists name it. */
    public String issueLabel() {
        return label(serial);
    }

    static String label(int serial) {
        return "第" + serial + "期";
    }

    public String statusLabel() {
        return status.label();
    }
}
