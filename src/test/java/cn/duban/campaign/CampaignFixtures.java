package cn.duban.campaign;

import org.springframework.stereotype.Component;

/** Writes campaigns straight into duban's table for the benchmarks, past the lifecycle (test sources only). */
@Component
public class CampaignFixtures {

    private final CampaignRepository campaigns;

    CampaignFixtures(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    public void insert(Campaign c) {
        campaigns.insert(c);
    }
}
