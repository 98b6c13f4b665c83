package cn.duban.engine;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfig {

    @Bean
    Clock clock() {
        return new EngineClock();
    }
}
