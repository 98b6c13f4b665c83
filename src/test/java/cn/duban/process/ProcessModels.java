package cn.duban.process;

/** What the Spring-free model tests share. */
final class ProcessModels {

    /**
     * The in-memory engine of the model tests, with Camunda's MockExpressionManager. Not named camunda.cfg.xml: on
     * the class path under that name, Camunda's default-engine lookup ({@code ProcessEngines.getDefaultProcessEngine})
     * would build it beside the application's engine, in every test JVM and in the cluster test's nodes.
     */
    static final String CONFIGURATION = "model-test.camunda.cfg.xml";

    private ProcessModels() {}
}
