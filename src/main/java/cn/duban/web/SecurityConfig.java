package cn.duban.web;

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
        reg.addInitParameter("authentication-provider", "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider");
        reg.setName("engine-rest-authentication");
        reg.setOrder(101);
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
}
