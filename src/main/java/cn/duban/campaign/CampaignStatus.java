package cn.duban.campaign;

/** Where a campaign stands, with the Chinese word the section uses. */
public enum CampaignStatus {
    DRAFTING("起草中"),
    REVIEWING("核稿中"),
    SIGNING("签发中"),
    SIGNED("已签发"),
    ISSUED("征集中"),
    CLOSED("已截止"),
    ARCHIVED("已归档");

    private final String label;

    CampaignStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
