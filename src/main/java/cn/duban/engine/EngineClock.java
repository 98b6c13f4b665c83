package cn.duban.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock as a {@link Clock}: duban's timestamps and the engine's timers read the same
 * time, so tests that move the engine clock move duban's business time too.
 */
public final class EngineClock extends Clock {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;

    public EngineClock() {
        this(CHINA);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
