package cn.duban.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/**
 * The start-up benchmark's baseline (docs/bench/startup.sh): the same jar, JVM and settings with nothing
 * of duban — Spring Boot's auto-configuration alone, i.e. the Camunda engine with its REST API and
 * webapps on H2 in a file, the data source and mail (the script turns Flyway off) — started with
 * {@code -Dloader.main=cn.duban.bench.BareCamundaApplication}. Gated by a property so that duban's own
 * component scan, which sees this class, leaves it alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ConditionalOnProperty(name = "duban.bench.bare-camunda", havingValue = "true")
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BareCamundaApplication.class);
        app.setDefaultProperties(java.util.Map.of("duban.bench.bare-camunda", "true"));
        app.run(args);
    }
}
