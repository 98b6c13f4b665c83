package cn.duban.report;

import cn.duban.EmbeddedPostgresDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** LargeMediaIT on a real PostgreSQL with the postgres profile's store: chunks as bytea, written and read one at a time. */
class LargeMediaPostgresIT extends LargeMediaIT {

    static final EmbeddedPostgres POSTGRES = EmbeddedPostgresDatabase.start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry, POSTGRES);
        registry.add("duban.attachments.store.kind", () -> "database");
    }

    @Override
    String expectedStore() {
        return "db:";
    }
}
