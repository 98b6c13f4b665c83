package cn.duban.distribution;

/**
 * The unit-report processes as distribution and closing need them: start one per unit, end one whose
 * campaign closed. Implemented by the unit-report process's own home ({@code cn.duban.process}), so that
 * this feature does not know the model.
 */
public interface UnitProcesses {

    /** Starts the unit's report process; returns its instance id. */
    String start(String campaignId, String unitCode);

    /** Ends the work of a unit whose campaign has stopped taking reports. */
    void endCollection(String processInstanceId);

    /**
     * Ends the work of a unit the section withdrew from the campaign (its instance, when it has one, through the
     * model's 单位已撤销), and moves the campaign on when every unit still in it is approved.
     */
    void withdrawn(String campaignId, String processInstanceId);
}
