package cn.duban.campaign;

import static cn.duban.campaign.CampaignProcess.VAR_CAMPAIGN_ID;

import cn.duban.engine.Actor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The BPMN glue of the campaign and notice-approval processes: each delegate maps variables in,
 * calls one {@link CampaignService} method, and maps the result back.
 */
@Configuration(proxyBeanMethods = false)
class CampaignDelegates {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** 创建活动草稿: the start form's template code (and optional deadline) become a campaign. */
    @Bean
    JavaDelegate createCampaignDelegate(CampaignService campaigns) {
        return execution -> {
            String initiator = (String) execution.getVariable(CampaignProcess.VAR_INITIATOR);
            Campaign c = campaigns.createDraft((String) execution.getVariable(CampaignProcess.VAR_TEMPLATE_CODE),
                    date(execution.getVariable(CampaignProcess.VAR_DEADLINE)), initiator == null ? "system" : initiator);
            execution.setVariable(VAR_CAMPAIGN_ID, c.id());
            execution.setProcessBusinessKey(c.id());
            campaigns.linkProcessInstance(c.id(), execution.getProcessInstanceId());
        };
    }

    /** 起草通知 completed: the edited notice (a transient JSON variable) goes to review. */
    @Bean
    TaskListener noticeDraftListener(CampaignService campaigns) {
        return task -> {
            Object raw = task.getVariable(CampaignProcess.VAR_DRAFT);
            NoticeDraft draft = null;
            if (raw instanceof String s && !s.isBlank()) {
                try {
                    draft = JSON.readValue(s, NoticeDraft.class);
                } catch (Exception e) {
                    throw new CampaignException("通知稿格式不正确（报送截止日期应为 yyyy-MM-dd），请检查后重试");
                }
            }
            campaigns.submitDraft(campaignId(task), draft);
        };
    }

    /** 科长核稿 / 领导签发 completed: the decision and its reason are recorded. */
    @Bean
    TaskListener noticeDecisionListener(CampaignService campaigns) {
        return task -> {
            boolean review = CampaignProcess.REVIEW_NOTICE.equals(task.getTaskDefinitionKey());
            String flag = review ? CampaignProcess.VAR_NOTICE_REVIEWED : CampaignProcess.VAR_NOTICE_SIGNED;
            Object approved = task.getVariable(flag);
            if (!(approved instanceof Boolean)) {
                throw new CampaignException("请选择“通过”或“退回”");
            }
            campaigns.decide(campaignId(task), review ? CampaignService.Stage.REVIEW : CampaignService.Stage.SIGNOFF,
                    (Boolean) approved, (String) task.getVariable(CampaignProcess.VAR_COMMENT), Actor.of(task));
        };
    }

    /** 印发通知: the deadline is fixed. */
    @Bean
    JavaDelegate issueNoticeDelegate(CampaignService campaigns) {
        return execution -> campaigns.issue(campaignId(execution));
    }

    /** 归档活动. */
    @Bean
    JavaDelegate archiveCampaignDelegate(CampaignService campaigns) {
        return execution -> campaigns.archive(campaignId(execution));
    }

    static String campaignId(DelegateExecution execution) {
        return (String) execution.getVariable(VAR_CAMPAIGN_ID);
    }

    static String campaignId(DelegateTask task) {
        return (String) task.getVariable(VAR_CAMPAIGN_ID);
    }

    private static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new CampaignException("报送截止日期格式应为 yyyy-MM-dd");
        }
    }
}
