package cn.duban.web;

import cn.duban.identity.LoginThrottle;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Nobody anonymous gets in: HTTP Basic on /engine-rest (open by default in Camunda), a login on /api. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> reg = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        reg.addUrlPatterns("/engine-rest/*");
        reg.addInitParameter("authentication-provider", BasicWithoutBrowserPrompt.class.getName());
        reg.setName("engine-rest-authentication");
        reg.setOrder(101);
        return reg;
    }

    /** A browser's request from another site, carrying Basic credentials it may have cached, changes nothing. */
    @Bean
    FilterRegistrationBean<CrossSiteBasicFilter> crossSiteBasicFilter() {
        FilterRegistrationBean<CrossSiteBasicFilter> reg = new FilterRegistrationBean<>(new CrossSiteBasicFilter());
        reg.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator", "/actuator/*");
        reg.setName("duban-cross-site-basic");
        reg.setOrder(99);
        return reg;
    }

    /** Before every check of a password: the webapps' login form and HTTP Basic on /engine-rest and /api. */
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, Clock clock) {
        FilterRegistrationBean<LoginThrottleFilter> reg = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, clock));
        reg.addUrlPatterns("/camunda/api/admin/auth/user/*", "/engine-rest/*", "/api/*", "/actuator", "/actuator/*");
        reg.setName("duban-login-throttle");
        reg.setOrder(100);
        return reg;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
        FilterRegistrationBean<ApiAuthenticationFilter> reg = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
        reg.addUrlPatterns("/api/*");
        reg.setName("duban-api-authentication");
        reg.setOrder(102);
        return reg;
    }

    /**
     * Spring Boot's actuator (health, info, metrics, Prometheus, Flyway; docs/operations.md) on its own path,
     * {@code /actuator}, for operators and administrators only: a monitoring server scrapes it with an operator's
     * account over HTTP Basic, an operator reads it logged in to Cockpit.
     */
    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> actuatorAuthentication(IdentityService identityService) {
        FilterRegistrationBean<ApiAuthenticationFilter> reg = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, true));
        reg.addUrlPatterns("/actuator", "/actuator/*");
        reg.setName("duban-actuator-authentication");
        reg.setOrder(102);
        return reg;
    }
}
