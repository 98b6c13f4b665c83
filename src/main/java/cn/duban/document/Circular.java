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

    /** Why no other circular of the notice may be sent while this one is being decided; null once it is decided. */
    public String holdsBack() {
        return status.pending() ? "督办通报" + issueLabel() + statusLabel() + "，办结后才能再送一期" : null;
    }

    /** How 核稿 went, once decided: 通过, or 退回 (a circular returned before anyone signed it). */
    public String reviewVerdict() {
        return reviewedBy == null ? null : status == CircularStatus.RETURNED && signedBy == null ? "退回" : "通过";
    }

    /** How 签发 went, once decided: 签发 (issued) or 退回. */
    public String signVerdict() {
        return signedBy == null ? null : status == CircularStatus.ISSUED ? "签发" : "退回";
    }
}
