package cn.duban.document;

/**
 * The 督办通报's approval as this feature needs it: start it for a circular just sent. Implemented by the model's
 * own home ({@code cn.duban.process.CircularApprovalProcess}), so that this feature does not know the model.
 */
public interface CircularProcesses {

    /** Starts the 核稿 and 签发 of this circular of this campaign. */
    void start(long circularId, String campaignId);
}
