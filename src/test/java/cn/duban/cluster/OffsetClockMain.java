package cn.duban.cluster;

import cn.duban.DubanApplication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A node whose clock runs ahead: {@code -Dduban.test.clock-offset-ms=N} moves the engine's clock (and
 * with it duban's, {@code EngineClock}) N ms into the future, still ticking, then starts duban as usual.
 * A test in another JVM cannot move a node's clock; this is how the cluster test reaches the morning of
 * the first reminders without waiting two weeks.
 */
public final class OffsetClockMain {

    private OffsetClockMain() {}

    public static void main(String[] args) {
        ClockUtil.offset(Long.getLong("duban.test.clock-offset-ms", 0L));
        DubanApplication.main(args);
    }
}
