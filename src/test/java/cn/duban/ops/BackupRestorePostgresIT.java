package cn.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.EmbeddedPostgresDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * docs/operations.md's PostgreSQL backup, for real: {@code pg_dump -Fc} of the live database while units hand in,
 * {@code pg_restore} into an empty PostgreSQL server, duban started on it (BackupRestoreScenario).
 */
class BackupRestorePostgresIT extends BackupRestoreScenario {

    EmbeddedPostgres live;
    EmbeddedPostgres restored;
    Path dump;

    @AfterEach
    void stopDatabases() throws Exception {
        for (EmbeddedPostgres pg : new EmbeddedPostgres[] {live, restored}) {
            if (pg != null) {
                pg.close();
            }
        }
        if (dump != null) {
            Files.deleteIfExists(dump);
        }
    }

    @Override
    List<String> liveArgs() {
        live = EmbeddedPostgresDatabase.start();
        return args(live);
    }

    static List<String> args(EmbeddedPostgres pg) {
        return List.of("--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--camunda.bpm.database.type=postgres",
                "--spring.datasource.hikari.connection-timeout=2000",
                // as the postgres profile keeps them: files in the database, which one dump saves
                "--duban.attachments.store.kind=database");
    }

    @Override
    void backup(ConfigurableApplicationContext node) throws Exception {
        dump = Files.createTempFile("duban-", ".dump");
        // the documented command (docs/operations.md, step 10): a consistent snapshot, taken while duban runs
        PgTools.run("pg_dump", live.getPort(), "--format=custom", "--file=" + dump, "postgres");
        assertThat(Files.size(dump)).isPositive();
    }

    @Override
    List<String> restore() throws Exception {
        restored = EmbeddedPostgresDatabase.start();
        PgTools.run("pg_restore", restored.getPort(), "--no-owner", "--no-privileges", "--exit-on-error", "--dbname=postgres", dump.toString());
        return args(restored);
    }
}
