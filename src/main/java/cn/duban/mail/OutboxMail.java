package cn.duban.mail;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One queued mail, as the outbox view shows it. */
public record OutboxMail(
        long id, String kind, String campaignId, String unitCode, LocalDate dueDate, String recipient, String subject,
        String status, int attempts, LocalDateTime nextAttemptAt, LocalDateTime sentAt, String lastError) {}
