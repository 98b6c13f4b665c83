package cn.duban.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes duban adds to Camunda's own tables, created once the engine has created or checked its schema
 * (so they cannot live in duban's Flyway migrations, which may run before Camunda's tables exist).
 *
 * <p>{@code ACT_IDX_AUTH_USER_ID}: every task query under authorization checks — a unit reporter's
 * "本单位待办" in Tasklist — joins the authorizations granted to the user <em>or</em> to the user's groups.
 * Camunda indexes {@code GROUP_ID_} alone but {@code USER_ID_} only behind {@code TYPE_}, so PostgreSQL
 * read the whole authorization table (one row per open task) and, at 100,000 open tasks, chose a plan that
 * walked every task: 184 ms for the first page. With this index: 5.9 ms (docs/benchmarks.md).
 *
 * <p>{@code CREATE INDEX IF NOT EXISTS} is understood by H2 and PostgreSQL and is idempotent, so every node
 * of a cluster may run it at start; a failure is logged and does not stop the node (the index only speeds
 * queries up). A DBA who manages the schema by hand creates the same index (see README, PostgreSQL).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final List<String> STATEMENTS = List.of(
            "CREATE INDEX IF NOT EXISTS ACT_IDX_AUTH_USER_ID ON ACT_RU_AUTHORIZATION (USER_ID_)");

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            log.warn("Could not create duban's indexes on Camunda's tables (queries stay correct, only slower): {}",
                    e.getMessage());
        }
    }
}
