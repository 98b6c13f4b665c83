package cn.duban.campaign;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.duban.identity.Roles;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For controller slices: the real access policy ({@link CampaignAccess}) over notices that are all the bureau's first
 * office's and reach no unit — so a slice tests its controller's door with the one policy every controller asks.
 */
@TestConfiguration
public class DefaultOfficeAccess {

    @Bean
    CampaignAccess campaignAccess() {
        return new CampaignAccess(defaultOfficeCampaigns(mock(CampaignService.class)));
    }

    /** Stubs a (mocked) campaign service so that every notice is the default office's. */
    public static CampaignService defaultOfficeCampaigns(CampaignService campaigns) {
        Campaign c = mock(Campaign.class);
        when(c.officeCode()).thenReturn(Roles.DEFAULT_OFFICE);
        when(campaigns.find(any())).thenReturn(Optional.of(c));
        return campaigns;
    }
}
