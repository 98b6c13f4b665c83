package cn.duban;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * The test suite keeps several Spring contexts alive in one JVM, each with its own process engine named
 * "default". Camunda's REST API finds its engine in the static {@link ProcessEngines} registry, where the
 * context started last wins; a test that calls {@code /engine-rest} puts its own context's engine back first.
 */
public final class SharedJvmEngines {

    private SharedJvmEngines() {}

    public static void restApiUses(ProcessEngine engine) {
        ProcessEngines.registerProcessEngine(engine);
    }
}
