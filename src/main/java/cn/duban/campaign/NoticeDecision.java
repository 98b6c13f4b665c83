package cn.duban.campaign;

import java.time.LocalDateTime;

/** One decision in a notice's approval (核稿 or 签发), as the audit trail shows it. */
public record NoticeDecision(String stage, boolean approved, String comment, String decidedBy, LocalDateTime decidedAt) {}
