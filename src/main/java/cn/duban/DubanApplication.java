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
        SpringApplication.run(DubanApplication.class, args);
    }
}
