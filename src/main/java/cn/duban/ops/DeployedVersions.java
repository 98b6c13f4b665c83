package cn.duban.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is deployed, at {@code /actuator/info} (beside the jar's version and build time): duban's schema as Flyway
 * applied it (each migration's version, description, when and whether it succeeded) and each of duban's processes
 * with its versions — when each was deployed and how many instances still run on it. Before and after an upgrade the
 * operator sees here that the new schema is in and that the running campaigns moved onto the new models
 * (engine.ProcessMigrator), or which still run on an older one.
 */
@Component
class DeployedVersions implements InfoContributor {

    private final ObjectProvider<Flyway> flyway;
    private final RepositoryService repositoryService;
    private final JdbcClient jdbc;

    DeployedVersions(ObjectProvider<Flyway> flyway, RepositoryService repositoryService, JdbcClient jdbc) {
        this.flyway = flyway;
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("schema", schema());
        builder.withDetail("processes", processes());
    }

    Map<String, Object> schema() {
        Map<String, Object> out = new LinkedHashMap<>();
        Flyway f = flyway.getIfAvailable();
        if (f == null) {
            return out;
        }
        var info = f.info();
        MigrationInfo current = info.current();
        out.put("version", current == null ? null : current.getVersion().getVersion());
        out.put("pending", info.pending().length);
        List<Map<String, Object>> applied = new ArrayList<>();
        for (MigrationInfo m : info.applied()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", m.getVersion() == null ? null : m.getVersion().getVersion());
            row.put("description", m.getDescription());
            row.put("installedOn", m.getInstalledOn());
            row.put("state", m.getState().getDisplayName());
            applied.add(row);
        }
        out.put("applied", applied);
        return out;
    }

    List<Map<String, Object>> processes() {
        Map<String, Integer> running = new HashMap<>();
        jdbc.sql("SELECT PROC_DEF_ID_, COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ GROUP BY PROC_DEF_ID_")
                .query((rs, i) -> running.put(rs.getString(1), rs.getInt(2))).list();
        Map<String, Deployment> deployments = new HashMap<>();
        Map<String, List<ProcessDefinition>> byKey = new LinkedHashMap<>();
        repositoryService.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc()
                .list().forEach(d -> byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d));
        List<Map<String, Object>> out = new ArrayList<>();
        byKey.forEach((key, versions) -> {
            versions.sort(Comparator.comparingInt(ProcessDefinition::getVersion).reversed());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("key", key);
            p.put("name", versions.get(0).getName());
            p.put("latestVersion", versions.get(0).getVersion());
            List<Map<String, Object>> vs = new ArrayList<>();
            for (ProcessDefinition d : versions) {
                int n = running.getOrDefault(d.getId(), 0);
                // the latest and every version something still runs on; the rest is history
                if (d == versions.get(0) || n > 0) {
                    Deployment dep = deployments.computeIfAbsent(d.getDeploymentId(),
                            id -> repositoryService.createDeploymentQuery().deploymentId(id).singleResult());
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("version", d.getVersion());
                    v.put("deployedAt", dep == null ? null : dep.getDeploymentTime());
                    v.put("runningInstances", n);
                    vs.add(v);
                }
            }
            p.put("versions", vs);
            out.add(p);
        });
        return out;
    }
}
