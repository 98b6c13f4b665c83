package cn.duban.campaign;

import cn.duban.EmbeddedPostgresDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DocumentNumberRaceIT on a real PostgreSQL: there the loser's failed insert leaves its transaction unable to read, so
 * the refusal's words are read in a transaction of their own.
 */
class DocumentNumberRacePostgresIT extends DocumentNumberRaceIT {

    static final EmbeddedPostgres POSTGRES = EmbeddedPostgresDatabase.start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry, POSTGRES);
    }
}
