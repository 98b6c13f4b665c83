package cn.duban.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Camunda's own metrics beside duban's, in Micrometer (and so at {@code /actuator/prometheus}): every occurrence the
 * engine counts for its metrics table ({@code job-acquisition-attempt}, {@code job-acquired-success},
 * {@code job-acquired-failure}, {@code job-execution-rejected}, {@code job-successful}, {@code job-failed},
 * {@code job-locked-exclusive}, {@code activity-instance-start}, {@code root-process-instance-start}, …) is counted
 * in a Micrometer counter as well, named {@code camunda.<name>} ({@code camunda_job_failed_total} in Prometheus).
 *
 * <p>The engine's own counters are reset every time its reporter writes them to {@code ACT_RU_METER_LOG} (every 15
 * minutes), so they cannot be read as counters from outside; this registry sees each occurrence as the engine marks
 * it. A process engine plugin ({@code preInit}) installs it: the engine creates its meters on it as on its own.
 * Per node, since the node started, like every Micrometer counter.
 */
@Component
class EngineMetrics extends AbstractProcessEnginePlugin {

    private final ObjectProvider<MeterRegistry> registry;

    EngineMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters != null && configuration.getMetricsRegistry() == null) {
            configuration.setMetricsRegistry(new Forwarding(meters));
        }
    }

    /** The engine's registry, each occurrence of a database meter also counted in Micrometer. */
    static final class Forwarding extends MetricsRegistry {

        private final MeterRegistry meters;
        private final Map<String, Counter> counters = new ConcurrentHashMap<>();

        Forwarding(MeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public void createDbMeter(String name) {
            super.createDbMeter(name);
            counter(name);
        }

        @Override
        protected void markOccurrence(Map<String, Meter> meterMap, String name, long times) {
            super.markOccurrence(meterMap, name, times);
            if (meterMap == dbMeters) {
                counter(name).increment(times);
            }
        }

        private Counter counter(String name) {
            return counters.computeIfAbsent(name, n -> Counter.builder("camunda." + n.replace('-', '.'))
                    .description("Camunda's own metric " + n + " on this node").register(meters));
        }
    }
}
