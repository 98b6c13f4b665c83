package cn.duban.process;

import static cn.duban.process.ProcessVariable.integer;
import static cn.duban.process.ProcessVariable.list;

import cn.duban.distribution.DistributionService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * bpmn/distribution.bpmn, a notice handed to its units in batches of async jobs: its key, element ids and
 * variables, and its two service tasks ({@code ${distributionFlow.…}}). The campaign is the business key the
 * calling campaign passes down. Nothing here is a user task: no client hands anything in.
 */
@Component(DistributionProcess.FLOW)
public class DistributionProcess {

    public static final String KEY = "distribution";
    public static final String FLOW = "distributionFlow";

    public static final String PLAN_BATCHES = "planBatches";
    public static final String DISTRIBUTE_BATCH = "distributeBatch";

    /** The batch numbers planned, and the one an instance of the multi-instance step distributes (set by the engine). */
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<List> BATCHES = list("batches");
    public static final ProcessVariable<Integer> BATCH_NO = integer("batchNo");

    private final DistributionService distribution;

    public DistributionProcess(DistributionService distribution) {
        this.distribution = distribution;
    }

    /** 划分分发批次. */
    public void planBatches(DelegateExecution execution) {
        BATCHES.set(execution, distribution.planBatches(CampaignProcess.campaignId(execution)));
    }

    /** 下发一批单位: one async job per batch. */
    public void distributeBatch(DelegateExecution execution) {
        distribution.distributeBatch(CampaignProcess.campaignId(execution), BATCH_NO.get(execution));
    }
}
