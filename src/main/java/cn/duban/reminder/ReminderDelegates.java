package cn.duban.reminder;

import cn.duban.campaign.CampaignProcess;
import cn.duban.report.UnitReportProcess;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** BPMN glue of the campaign's daily reminder timer in bpmn/campaign.bpmn. */
@Configuration(proxyBeanMethods = false)
class ReminderDelegates {

    /** 发送催报与逾期汇总: the campaign's daily check. */
    @Bean
    JavaDelegate sendRemindersDelegate(ReminderService reminders) {
        return execution -> reminders.dailyTick((String) execution.getVariable(CampaignProcess.VAR_CAMPAIGN_ID));
    }

    /** 发送催报提醒 of unitReport versions before the daily campaign check: the unit's own timer. */
    @Bean
    JavaDelegate sendReminderDelegate(ReminderService reminders) {
        return execution -> reminders.unitTick((String) execution.getVariable(UnitReportProcess.VAR_CAMPAIGN_ID),
                (String) execution.getVariable(UnitReportProcess.VAR_UNIT_CODE));
    }

    /** 发送逾期汇总 of campaign versions before the daily campaign check: the digest timer. */
    @Bean
    JavaDelegate sendDigestDelegate(ReminderService reminders) {
        return execution -> reminders.digestTick((String) execution.getVariable(CampaignProcess.VAR_CAMPAIGN_ID));
    }
}
