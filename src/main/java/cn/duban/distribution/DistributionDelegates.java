package cn.duban.distribution;

import cn.duban.campaign.CampaignProcess;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** BPMN glue of bpmn/distribution.bpmn and of closing in bpmn/campaign.bpmn. */
@Configuration(proxyBeanMethods = false)
class DistributionDelegates {

    static final String VAR_BATCHES = "batches";
    static final String VAR_BATCH_NO = "batchNo";

    /** 划分分发批次. */
    @Bean
    JavaDelegate planBatchesDelegate(DistributionService distribution) {
        return execution -> execution.setVariable(VAR_BATCHES,
                distribution.planBatches((String) execution.getVariable(CampaignProcess.VAR_CAMPAIGN_ID)));
    }

    /** 下发一批单位: one async job per batch. */
    @Bean
    JavaDelegate distributeBatchDelegate(DistributionService distribution) {
        return execution -> distribution.distributeBatch((String) execution.getVariable(CampaignProcess.VAR_CAMPAIGN_ID),
                (Integer) execution.getVariable(VAR_BATCH_NO));
    }

    /** 跟踪报送进度 completed by the section: only after the deadline. */
    @Bean
    TaskListener closeRequestListener(CampaignClosing closing) {
        return task -> closing.checkClosable((String) task.getVariable(CampaignProcess.VAR_CAMPAIGN_ID));
    }

    /** 登记审核通过 (in bpmn/unitReport.bpmn): the last approval moves the campaign on. */
    @Bean
    JavaDelegate reportApprovedDelegate(CampaignClosing closing) {
        return execution -> closing.onReportApproved((String) execution.getVariable(CampaignProcess.VAR_CAMPAIGN_ID));
    }

    /** 结束征集. */
    @Bean
    JavaDelegate closeCampaignDelegate(CampaignClosing closing) {
        return execution -> closing.close((String) execution.getVariable(CampaignProcess.VAR_CAMPAIGN_ID));
    }
}
