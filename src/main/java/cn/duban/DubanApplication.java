package cn.duban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** duban (督办): a county bureau issues a notice to its units and tracks every unit's report. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DubanApplication {

    public static void main(String[] args) {
        // a county bureau in China: the engine's dates, duban's timestamps and the database agree on China
        // time whatever the host is set to (-Dduban.keep-host-timezone=true keeps the host's)
        if (!Boolean.getBoolean("duban.keep-host-timezone")) {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(cn.duban.engine.EngineClock.CHINA));
        }
        SpringApplication.run(DubanApplication.class, args);
    }
}
