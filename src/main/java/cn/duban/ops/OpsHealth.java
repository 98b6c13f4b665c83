package cn.duban.ops;

import cn.duban.mail.Outbox;
import cn.duban.support.DubanProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * duban's parts of readiness ({@code /actuator/health/readiness}, beside the database's {@code db} and Camunda's
 * {@code jobExecutor} and {@code processEngine}): the outbox, the job executors' backlog and the open incidents.
 *
 * <p>These three say {@link #WARNING} (answered 200, shown in the details) rather than DOWN: the outbox, the jobs and
 * the incidents are the whole cluster's, so a DOWN here would take every node out of the load balancer at once and
 * help nobody. A node is DOWN (503) when its database or its job executor is.
 */
@Configuration(proxyBeanMethods = false)
class OpsHealth {

    /** Something an operator should look at; the node still serves (HTTP 200). */
    static final Status WARNING = new Status("WARNING", "需要运维人员关注 (needs an operator's attention)");

    /** A job due this long ago and still not taken means the job executors lag (or none runs). */
    static final Duration JOB_LAG = Duration.ofMinutes(5);

    @Bean
    HealthIndicator outboxHealthIndicator(OpsReadings readings, Clock clock, DubanProperties settings) {
        Duration stalled = settings.ops().alerts().mailStalledAfter();
        return () -> {
            Outbox.Backlog b = readings.outbox();
            LocalDateTime now = LocalDateTime.now(clock);
            long waited = b.oldestPendingSince() == null ? 0 : Math.max(0, Duration.between(b.oldestPendingSince(), now).toSeconds());
            return (waited >= stalled.toSeconds() && b.pending() > 0 ? Health.status(WARNING) : Health.up())
                    .withDetail("pending", b.pending()).withDetail("failed", b.failed())
                    .withDetail("oldestPendingAgeSeconds", waited).withDetail("stalledAfterSeconds", stalled.toSeconds()).build();
        };
    }

    @Bean
    HealthIndicator jobsHealthIndicator(OpsReadings readings) {
        return () -> {
            OpsReadings.Jobs j = readings.jobs();
            Duration wait = j.longestWait(readings.now());
            return (wait.compareTo(JOB_LAG) >= 0 ? Health.status(WARNING) : Health.up())
                    .withDetail("executable", j.executable()).withDetail("oldestExecutableWaitSeconds", wait.toSeconds())
                    .withDetail("failing", j.failing()).withDetail("outOfRetries", j.outOfRetries()).build();
        };
    }

    @Bean
    HealthIndicator incidentsHealthIndicator(OpsReadings readings) {
        return () -> {
            Map<String, Integer> open = readings.incidents();
            int total = open.values().stream().mapToInt(Integer::intValue).sum();
            return (total > 0 ? Health.status(WARNING) : Health.up()).withDetail("open", total).withDetail("byType", open).build();
        };
    }
}
