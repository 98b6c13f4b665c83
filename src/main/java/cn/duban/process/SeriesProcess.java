package cn.duban.process;

import cn.duban.series.SeriesService;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * bpmn/series.bpmn, a periodic return's series from its sign-off to its last period opened: its key, element ids
 * and every expression of the model ({@code ${seriesFlow.…}}). The series (the notice signed off once) is the
 * business key the calling campaign passes down; each period opened starts a campaign of its own at 印发通知.
 * Nothing here is a user task: no client hands anything in, and nobody starts it by hand ({@link ClientInputGuard}).
 */
@Component(SeriesProcess.FLOW)
public class SeriesProcess {

    public static final String KEY = "series";
    public static final String FLOW = "seriesFlow";

    public static final String PLAN_PERIODS = "planPeriods";
    public static final String NEXT_OPENING = "nextPeriodOpens";
    public static final String OPEN_PERIOD = "openPeriod";
    public static final String MORE_PERIODS = "morePeriods";

    private final SeriesService series;
    private final CampaignProcess campaignProcess;

    public SeriesProcess(SeriesService series, CampaignProcess campaignProcess) {
        this.series = series;
        this.campaignProcess = campaignProcess;
    }

    /** 登记各期. */
    public void plan(DelegateExecution execution) {
        series.plan(CampaignProcess.campaignId(execution));
    }

    /** 等待下一期开放: the morning the next period opens; at once when that day has come (or passed). */
    public Date nextOpening(DelegateExecution execution) {
        return Date.from(series.nextOpening(CampaignProcess.campaignId(execution)));
    }

    /** 开放本期: the period's campaign, issued and distributed by campaign.bpmn from 印发通知 on. */
    public void openPeriod(DelegateExecution execution) {
        campaignProcess.startPeriod(series.openNext(CampaignProcess.campaignId(execution)));
    }

    /** 还有未开放的期？ */
    public boolean morePeriods(DelegateExecution execution) {
        return series.hasUnopened(CampaignProcess.campaignId(execution));
    }
}
