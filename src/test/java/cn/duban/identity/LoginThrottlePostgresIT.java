package cn.duban.identity;

import cn.duban.EmbeddedPostgresDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * LoginThrottleIT on a real PostgreSQL: its row locks, and a transaction that can read no more after a failed
 * statement (so a race to create a row is settled in a transaction of its own), are not H2's.
 */
class LoginThrottlePostgresIT extends LoginThrottleIT {

    static final EmbeddedPostgres POSTGRES = EmbeddedPostgresDatabase.start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry, POSTGRES);
    }
}
