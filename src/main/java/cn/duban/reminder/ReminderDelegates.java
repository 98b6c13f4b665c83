package cn.duban.reminder;

import cn.duban.campaign.CampaignProcess;
import cn.duban.report.UnitReportProcess;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** BPMN glue of the reminder timers in bpmn/unitReport.bpmn and bpmn/campaign.bpmn. */
@Configuration(proxyBeanMethods = false)
class ReminderDelegates {

    /** 发送催报提醒: the unit's daily tick. */
    @Bean
    JavaDelegate sendReminderDelegate(ReminderService reminders) {
        return execution -> reminders.unitTick((String) execution.getVariable(UnitReportProcess.VAR_CAMPAIGN_ID),
                (String) execution.getVariable(UnitReportProcess.VAR_UNIT_CODE));
    }

    /** 发送逾期汇总: the section's daily digest. */
    @Bean
    JavaDelegate sendDigestDelegate(ReminderService reminders) {
        return execution -> reminders.digestTick((String) execution.getVariable(CampaignProcess.VAR_CAMPAIGN_ID));
    }
}
