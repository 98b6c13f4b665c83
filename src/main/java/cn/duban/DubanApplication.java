package cn.duban;

import cn.duban.engine.ChinaTime;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

/** duban (督办): a county bureau issues a notice to its units and tracks every unit's report. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DubanApplication {

    public static void main(String[] args) {
        // a county bureau in China: the engine's dates, duban's timestamps and the database agree on China time whatever
        // the host is set to (engine.ChinaTime, which every start runs; here too, before anything reads the zone)
        ChinaTime.apply();
        SpringApplication.run(DubanApplication.class, args);
    }

    @EventListener(ApplicationStartedEvent.class)
    void sayTheZone() {
        if (ChinaTime.hostZone() != null) {
            LoggerFactory.getLogger(DubanApplication.class).info(
                    "服务器时区为 {}，督办按北京时间（Asia/Shanghai）计算期限和催报 / the host's zone is {}; duban runs on China time (Asia/Shanghai)",
                    ChinaTime.hostZone(), ChinaTime.hostZone());
        }
    }
}
