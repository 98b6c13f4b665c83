package cn.duban.web;

import cn.duban.support.DubanProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Nothing one request can take down: bodies bounded before they are read, and an error answer not followed by reading
 * the rest of a body nobody wants (docs/reliability.md, "Limits").
 */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfig {

    /** Before everything, so that every line a request logs carries its id (docs/operations.md, logs). */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestId() {
        FilterRegistrationBean<RequestIdFilter> reg = new FilterRegistrationBean<>(new RequestIdFilter());
        reg.addUrlPatterns("/*");
        reg.setName("duban-request-id");
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return reg;
    }

    /** First of all filters but the request id: before any of them (or a servlet) reads a body or its parameters. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(DubanProperties settings) {
        FilterRegistrationBean<RequestBodyLimitFilter> reg = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(settings.http().maxBodySize().toBytes()));
        reg.addUrlPatterns("/*");
        reg.setName("duban-request-body-limit");
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return reg;
    }

    /** A person's refused upload is read to its end (up to the largest upload), anyone else's is not. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusedBodiesAreNotRead(MultipartProperties multipart) {
        return factory -> factory.addContextValves(new RefusedBodyValve(multipart.getMaxRequestSize().toBytes()));
    }
}
