package cn.duban.report;

import static cn.duban.report.UnitReportProcess.VAR_CAMPAIGN_ID;
import static cn.duban.report.UnitReportProcess.VAR_UNIT_CODE;

import cn.duban.engine.Actor;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** BPMN glue of bpmn/unitReport.bpmn: each maps variables in, calls one service, maps the result back. */
@Configuration(proxyBeanMethods = false)
class ReportDelegates {

    /** 签收通知并指定专人 created: the unit is mailed a link to it. */
    @Bean
    TaskListener noticeArrivedListener(ReportService reports) {
        return task -> reports.noticeArrived(campaignId(task), unitCode(task), task.getId());
    }

    /** 签收通知并指定专人. */
    @Bean
    TaskListener signNoticeListener(ReportService reports) {
        return task -> reports.sign(campaignId(task), unitCode(task),
                (String) task.getVariable(UnitReportProcess.VAR_REPORTER), Actor.of(task));
    }

    /** 填报并报送统计表: the transient JSON of the form becomes a new report version. */
    @Bean
    TaskListener handInReportListener(ReportService reports) {
        return task -> reports.handIn(campaignId(task), unitCode(task),
                ReportPayload.parse((String) task.getVariable(UnitReportProcess.VAR_REPORT)), Actor.of(task));
    }

    /** 向牵头单位报送配合情况 (one task per item). */
    @Bean
    TaskListener contributionListener(ContributionService contributions) {
        return task -> contributions.contribute(campaignId(task), (String) task.getVariable(UnitReportProcess.VAR_ITEM_CODE),
                unitCode(task), (String) task.getVariable(UnitReportProcess.VAR_CONTRIBUTION), Actor.of(task));
    }

    /** 单位负责人审批. */
    @Bean
    TaskListener headDecisionListener(ReportService reports) {
        return task -> reports.headDecision(campaignId(task), unitCode(task),
                flag(task, UnitReportProcess.VAR_HEAD_APPROVED), (String) task.getVariable(UnitReportProcess.VAR_COMMENT),
                Actor.of(task));
    }

    /** 审核报送: approve, or return with a reason and a new due date. */
    @Bean
    TaskListener reviewReportListener(ReportService reports) {
        return task -> reports.review(campaignId(task), unitCode(task), flag(task, UnitReportProcess.VAR_REPORT_APPROVED),
                (String) task.getVariable(UnitReportProcess.VAR_COMMENT),
                date(task.getVariable(UnitReportProcess.VAR_NEW_DUE_DATE)), Actor.of(task));
    }

    private static String campaignId(DelegateTask task) {
        return (String) task.getVariable(VAR_CAMPAIGN_ID);
    }

    private static String unitCode(DelegateTask task) {
        return (String) task.getVariable(VAR_UNIT_CODE);
    }

    private static boolean flag(DelegateTask task, String name) {
        Object v = task.getVariable(name);
        if (!(v instanceof Boolean b)) {
            throw new ReportException("请选择“通过”或“退回”");
        }
        return b;
    }

    private static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip().substring(0, Math.min(10, value.toString().strip().length())));
        } catch (DateTimeParseException e) {
            throw new ReportException("新的报送期限格式应为 yyyy-MM-dd");
        }
    }
}
