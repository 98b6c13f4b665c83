package cn.duban.campaign;

import cn.duban.EmbeddedPostgresDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** TemplateCatalogIT: template versions, retirement, deletion and 沿用上次 on a real PostgreSQL (stricter than H2 about names, casts and paging). */
class TemplateCatalogPostgresIT extends TemplateCatalogIT {

    static final EmbeddedPostgres POSTGRES = EmbeddedPostgresDatabase.start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry, POSTGRES);
    }
}
