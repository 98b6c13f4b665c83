package cn.duban.campaign;

import java.time.LocalDate;

/**
 * What the drafter edits on the notice before it goes to review: its title, 文号, body and deadline, and — from the
 * drafting form — the whole of what the notice asks ({@code template}: issuer, contact, targets, items, reminders,
 * table, attachment kinds), checked by the template language's own rules.
 */
public record NoticeDraft(String title, String documentNumber, String noticeText, LocalDate deadline, CampaignTemplate template) {

    public NoticeDraft(String title, String documentNumber, String noticeText, LocalDate deadline) {
        this(title, documentNumber, noticeText, deadline, null);
    }
}
