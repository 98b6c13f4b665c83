package cn.duban.engine;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every deadline and reminder in China time, whatever the server is set to: the JVM's default time zone is set to
 * Asia/Shanghai before anything else of duban starts (an environment post-processor, so {@code java -jar}, a test's
 * context and any other launcher alike), and a host on another zone is said in the log.
 *
 * <p>Why the JVM's default and not only duban's clock ({@link EngineClock}, which is China time already): Camunda 7
 * reads and writes its dates ({@code ACT_RU_JOB.DUEDATE_}, a task's due date, every timestamp) as {@code TIMESTAMP}
 * columns through {@code java.util.Date} in the JVM's zone, and adds a timer cycle's period ({@code R/…/P1D}) in the
 * JVM's calendar. A node on UTC would write 01:00 for 09:00 China time, a database restored onto it, or shared with a
 * node on China time, would fire every timer eight hours off, and on a zone with summer time the daily reminder would
 * move by an hour at each change (ChinaTimeIT). One zone for every node and every database removes all of that.
 */
public class ChinaTime implements EnvironmentPostProcessor, Ordered {

    public static final TimeZone ZONE = TimeZone.getTimeZone(EngineClock.CHINA);

    /** The zone the host had before duban set China time (null until then, or when it was China time already). */
    private static volatile String hostZone;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        apply();
    }

    /** Sets the JVM's default zone to China time; returns the host's zone when it was another. */
    public static String apply() {
        TimeZone current = TimeZone.getDefault();
        if (!current.getID().equals(ZONE.getID())) {
            hostZone = current.getID();
            TimeZone.setDefault(ZONE);
            // logging is not set up this early: say it once the application logs (DubanApplication)
        }
        return hostZone;
    }

    /** The host's own zone when it was not China time, for the start-up log. */
    public static String hostZone() {
        return hostZone;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
