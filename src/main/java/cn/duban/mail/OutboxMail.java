package cn.duban.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One queued mail, as the outbox view shows it. */
public record OutboxMail(
        long id, String kind, String campaignId, String unitCode, LocalDate dueDate, String recipient, String subject,
        String status, int attempts, LocalDateTime nextAttemptAt, LocalDateTime sentAt, String lastError) {

    /** The kind in Chinese, as every page shows it. */
    @JsonProperty("kindLabel")
    public String kindLabel() {
        return MailKinds.kind(kind);
    }

    /** The delivery status in Chinese. */
    @JsonProperty("statusLabel")
    public String statusLabel() {
        return MailKinds.status(status);
    }
}
