package cn.duban.campaign;

import java.time.LocalDateTime;

/** One decision in a notice's approval (核稿 or 签发), as the audit trail shows it. */
public record NoticeDecision(String stage, boolean approved, String comment, String decidedBy, LocalDateTime decidedAt) {

    /** 核稿 or 签发, as the forms show it. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public String stageLabel() {
        return cn.duban.support.Decisions.Stage.valueOf(stage).label();
    }

    /** 科长核稿 or 领导签发, as the forms show it. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public String stageStep() {
        return cn.duban.support.Decisions.Stage.valueOf(stage).step();
    }
}
