package cn.duban.campaign;

import java.time.LocalDate;

/** What the drafter edits on the notice before it goes to review. */
public record NoticeDraft(String title, String documentNumber, String noticeText, LocalDate deadline) {}
