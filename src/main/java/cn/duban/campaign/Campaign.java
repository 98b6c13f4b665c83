package cn.duban.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A campaign: one notice issued from a template, with the template frozen as it was when drafted. */
public record Campaign(
        String id,
        String templateCode,
        String title,
        String documentNumber,
        CampaignTemplate template,
        CampaignStatus status,
        LocalDate deadline,
        LocalDate deadlineOverride,
        String createdBy,
        LocalDateTime createdAt,
        LocalDateTime issuedAt,
        LocalDateTime closedAt,
        LocalDateTime archivedAt,
        String processInstanceId) {}
