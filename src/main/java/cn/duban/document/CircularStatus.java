package cn.duban.document;

import cn.duban.support.Decisions.Stage;
import cn.duban.support.Refusal;

/**
 * Where a 督办通报 stands on its way out, with the word the section uses: sent, it waits for the 科长's 核稿, then
 * the leader's 签发; signed, it is issued to the campaign's units. A return at either step ends it: the figures it
 * was made of are already old, so the section sends a fresh one rather than mending this one.
 */
public enum CircularStatus {
    REVIEWING("待核稿"),
    SIGNING("待签发"),
    ISSUED("已印发"),
    RETURNED("已退回");

    private final String label;

    CircularStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still on its way: 核稿 or 签发 has yet to decide. */
    public boolean pending() {
        return this == REVIEWING || this == SIGNING;
    }

    /** The step that decides now, or a refusal saying the circular has left that step. */
    public CircularStatus after(Stage stage, boolean approved) {
        CircularStatus waitingFor = stage == Stage.REVIEW ? REVIEWING : SIGNING;
        if (this != waitingFor) {
            throw new Refusal(Refusal.CONFLICT, "该督办通报" + label + "，不能再" + stage.label() + "；请刷新页面");
        }
        if (!approved) {
            return RETURNED;
        }
        return stage == Stage.REVIEW ? SIGNING : ISSUED;
    }
}
