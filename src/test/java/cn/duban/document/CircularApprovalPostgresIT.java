package cn.duban.document;

import cn.duban.EmbeddedPostgresDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The circular's way out on a real PostgreSQL (its files in BYTEA, the campaign's row locked by the sender). */
class CircularApprovalPostgresIT extends CircularApprovalIT {

    static final EmbeddedPostgres POSTGRES = EmbeddedPostgresDatabase.start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry, POSTGRES);
    }
}
