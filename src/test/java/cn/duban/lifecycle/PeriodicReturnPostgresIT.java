package cn.duban.lifecycle;

import cn.duban.EmbeddedPostgresDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** PeriodicReturnIT on a real PostgreSQL: the new SQL (V13–V15: text cells, wider cell codes, series periods, carried-over versions, chunks). */
class PeriodicReturnPostgresIT extends PeriodicReturnIT {

    static final EmbeddedPostgres POSTGRES = EmbeddedPostgresDatabase.start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry, POSTGRES);
    }
}
