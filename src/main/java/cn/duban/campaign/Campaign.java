package cn.duban.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A campaign: one notice issued from a template, with the template frozen as it was when drafted, owned by the office
 * that drafted it ({@code officeCode}: its people review, urge and watch it).
 */
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
        String processInstanceId,
        String officeCode) {

    /** The notice as lists and file names show it: its title without 关于（印发） and 的通知. */
    public static String shortTitle(String title) {
        if (title == null) {
            return "";
        }
        String t = title.strip().replaceFirst("^关于(印发)?", "").replaceFirst("的通知$", "");
        return t.isBlank() ? title.strip() : t;
    }

    public String shortTitle() {
        return shortTitle(title);
    }
}
