package cn.duban.dashboard;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dashboard's SQL on a real PostgreSQL (stricter than H2 about GROUP BY, paging and casts). */
class DashboardPostgresIT extends DashboardIT {

    static final EmbeddedPostgres POSTGRES;

    static {
        try {
            POSTGRES = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("camunda.bpm.database.type", () -> "postgres");
        // the server stops with the JVM, maybe before the context: do not wait 30 s for a connection then
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    }
}
